package org.nnplayground.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.optim.OptimizerStates;
import org.nnplayground.optim.Optimizers;
import org.nnplayground.optim.ParamState;
import org.nnplayground.tensor.Tensor;

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
        map.put("hyperparameters", new LinkedHashMap<String, Object>(optimizer.hyperparameters()));
        List<Object> states = new ArrayList<>();
        for (int i = 0; i < optimizer.params().size(); i++) {
            ParamState state = optimizer.state(i);
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
        Map<String, Object> map = Fields.object(json, "optimizer");
        Fields.keys(map, "optimizer", KEYS, KEYS);
        String type = Fields.string(map, "type", "optimizer");
        if (!Optimizers.names().contains(type)) {
            throw new IllegalArgumentException("optimizer.type \"" + type + "\" is not a known optimizer");
        }
        Map<String, Object> hyper = Fields.object(map.get("hyperparameters"), "optimizer.hyperparameters");
        for (Map.Entry<String, Object> entry : hyper.entrySet()) {
            if (!(entry.getValue() instanceof Double)) {
                throw new IllegalArgumentException("optimizer.hyperparameters." + entry.getKey() + " must be a number");
            }
        }
        List<Object> states = Fields.list(map.get("state"), "optimizer.state");
        if (states.size() != paramCount) {
            throw new IllegalArgumentException("optimizer.state has " + states.size() + " entries, the model has "
                    + paramCount + " parameters");
        }
        for (int i = 0; i < states.size(); i++) {
            readState(states.get(i), "optimizer.state[" + i + "]");
        }
    }

    /** Builds the saved optimizer over {@code params} and restores its state. */
    public static Optimizer read(Object json, List<Tensor> params) {
        validate(json, params.size());
        Map<String, Object> map = Fields.object(json, "optimizer");
        Map<String, Double> hyper = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : Fields.object(map.get("hyperparameters"), "hyperparameters").entrySet()) {
            hyper.put(entry.getKey(), (Double) entry.getValue());
        }
        Optimizer optimizer = Optimizers.create(Fields.string(map, "type", "optimizer"), params, hyper);
        List<Object> states = Fields.list(map.get("state"), "optimizer.state");
        for (int i = 0; i < states.size(); i++) {
            Map<String, Object> entry = Fields.object(states.get(i), "optimizer.state[" + i + "]");
            OptimizerStates.restore(optimizer, i, (int) Fields.number(entry, "step", "state"),
                    readState(entry, "optimizer.state[" + i + "]"));
        }
        return optimizer;
    }

    private static Map<String, double[]> readState(Object json, String where) {
        Map<String, Object> entry = Fields.object(json, where);
        Fields.integer(entry, "step", where, 0, Integer.MAX_VALUE);
        Map<String, double[]> buffers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : entry.entrySet()) {
            if (field.getKey().equals("step")) {
                continue;
            }
            List<Object> values = Fields.list(field.getValue(), where + "." + field.getKey());
            double[] buffer = new double[values.size()];
            for (int k = 0; k < buffer.length; k++) {
                if (!(values.get(k) instanceof Double)) {
                    throw new IllegalArgumentException(where + "." + field.getKey() + "[" + k + "] must be a number");
                }
                buffer[k] = (Double) values.get(k);
            }
            buffers.put(field.getKey(), buffer);
        }
        return buffers;
    }
}
