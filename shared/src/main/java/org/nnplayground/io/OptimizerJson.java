package org.nnplayground.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.json.JsonFields;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.optim.ParamState;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * An optimizer's type, hyperparameters and per-parameter state in a checkpoint:
 * {@code {"type": "Adam", "hyperparameters": {"lr": 0.01, ...}, "state": [{"step": 3, "exp_avg": [...]}, ...]}},
 * using PyTorch's state names, one entry per parameter in {@code parameters()} order.
 */
public final class OptimizerJson {
    private static final Set<String> KEYS = Set.of("type", "hyperparameters", "state");

    private OptimizerJson() {
    }

    static Map<String, Object> write(Optimizer optimizer) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", optimizer.typeName());
        map.put("hyperparameters", Optimizers.kwargs(optimizer.typeName(), optimizer.hyperparameters()));
        List<Object> states = new ArrayList<>();
        for (ParamState state : optimizer.stateDict()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", state.step());
            for (String name : state.bufferNames()) {
                entry.put(name, state.buffer(name));
            }
            states.add(entry);
        }
        map.put("state", states);
        return map;
    }

    /** Checks the section's structure against a model with {@code paramCount} parameters. */
    static void validate(Object json, int paramCount) {
        Map<String, Object> map = JsonFields.object(json, "optimizer");
        JsonFields.keys(map, "optimizer", KEYS, KEYS);
        String type = JsonFields.string(map, "type", "optimizer");
        Optimizers.Type optimizer = Optimizers.get(type, "optimizer.type");
        optimizer.read(hyperparameters(map, type), Set.of(), "optimizer.hyperparameters");
        List<Object> states = JsonFields.list(map.get("state"), "optimizer.state");
        if (states.size() != paramCount) {
            throw new CodedError("file.optimizerState", "optimizer.state has " + states.size() + " entries, the model has "
                    + paramCount + " parameters", "entries", states.size(), "parameters", paramCount);
        }
        for (int i = 0; i < states.size(); i++) {
            readState(states.get(i), "optimizer.state[" + i + "]");
        }
    }

    /** Builds the saved optimizer over {@code params} and restores its state. */
    public static Optimizer read(Object json, List<Tensor> params) {
        validate(json, params.size());
        Map<String, Object> map = JsonFields.object(json, "optimizer");
        String type = JsonFields.string(map, "type", "optimizer");
        Optimizer optimizer = Optimizers.create(type, params, hyperparameters(map, type));
        List<Object> states = JsonFields.list(map.get("state"), "optimizer.state");
        List<ParamState> saved = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Map<String, Object> entry = JsonFields.object(states.get(i), "optimizer.state[" + i + "]");
            saved.add(new ParamState((int) JsonFields.number(entry, "step", "state"),
                    readState(entry, "optimizer.state[" + i + "]")));
        }
        optimizer.loadStateDict(saved);
        return optimizer;
    }

    /** PyTorch keyword arguments; files before 2026-12 stored betas as beta1/beta2 and flags as 0/1. */
    private static Map<String, Object> hyperparameters(Map<String, Object> map, String type) {
        return Optimizers.kwargs(type, JsonFields.object(map.get("hyperparameters"), "optimizer.hyperparameters"));
    }

    private static Map<String, double[]> readState(Object json, String where) {
        Map<String, Object> entry = JsonFields.object(json, where);
        JsonFields.integer(entry, "step", where, 0, Integer.MAX_VALUE);
        Map<String, double[]> buffers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : entry.entrySet()) {
            if (field.getKey().equals("step")) {
                continue;
            }
            List<Object> values = JsonFields.list(field.getValue(), where + "." + field.getKey());
            double[] buffer = new double[values.size()];
            for (int k = 0; k < buffer.length; k++) {
                if (!(values.get(k) instanceof Double)) {
                    throw JsonFields.wrongKind(where + "." + field.getKey() + "[" + k + "]", "number", "a number", values.get(k));
                }
                buffer[k] = (Double) values.get(k);
            }
            buffers.put(field.getKey(), buffer);
        }
        return buffers;
    }
}
