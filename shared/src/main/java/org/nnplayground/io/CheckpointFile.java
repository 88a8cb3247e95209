package org.nnplayground.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.Module;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;

/**
 * A whole-model file, our counterpart of {@code torch.save(net, ...)}: the architecture as data, the state
 * dict, and optionally the optimizer's state and the training configuration.
 * <pre>{"format": "nn-playground/checkpoint", "version": 1, "architecture": {...}, "state_dict": {...},
 *  "optimizer": {...}, "config": {...}}</pre>
 * Unlike a pickled PyTorch model, reading it runs no code: the architecture names only known module types.
 */
public final class CheckpointFile {
    public static final String FORMAT = "nn-playground/checkpoint";
    public static final int VERSION = 1;
    private static final Set<String> REQUIRED = Set.of("format", "version", "architecture", "state_dict");
    private static final Set<String> ALLOWED = Set.of("format", "version", "architecture", "state_dict", "optimizer",
            "config");

    private CheckpointFile() {
    }

    public static String write(Module model) {
        return write(model, null, null);
    }

    /** @param optimizer may be null; @param config any JSON value (maps, lists, numbers...) or null */
    public static String write(Module model, Optimizer optimizer, Object config) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("version", VERSION);
        file.put("architecture", Architecture.describe(model));
        file.put("state_dict", TensorJson.writeStateDict(model.stateDict()));
        if (optimizer != null) {
            file.put("optimizer", OptimizerJson.write(optimizer));
        }
        if (config != null) {
            file.put("config", config);
        }
        return JsonWriter.write(file);
    }

    /** Rebuilds the model and loads its weights; any problem in the file is an error naming it. */
    public static Checkpoint read(String text) {
        return read(text, Architecture.DEFAULT_MAX_PARAMETERS);
    }

    /** The same, refusing an architecture that declares more than {@code maxParameters} before building it. */
    public static Checkpoint read(String text, long maxParameters) {
        Map<String, Object> file = JsonFields.object(Json.parse(text), "checkpoint");
        FileHeader.check(file, FORMAT, VERSION, "checkpoint");
        JsonFields.keys(file, "checkpoint", REQUIRED, ALLOWED);
        // Fresh weights are overwritten at once; the generator only fills them meanwhile.
        Module model = Architecture.build(file.get("architecture"), new Generator(0), maxParameters);
        model.loadStateDict(TensorJson.readStateDict(file.get("state_dict"), "state_dict"));
        Object optimizer = file.get("optimizer");
        if (optimizer != null) {
            OptimizerJson.validate(optimizer, model.parameters().size());
        }
        return new Checkpoint(model, optimizer, file.get("config"));
    }
}
