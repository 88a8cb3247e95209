package org.nnplayground.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.StateDict;

/**
 * A weights-only file, PyTorch's {@code torch.save(net.state_dict(), ...)} in JSON:
 * {@code {"format": "nn-playground/state-dict", "version": 1, "tensors": {"0.weight": {...}, ...}}}.
 * Loading it needs a model of the matching architecture.
 */
public final class StateDictFile {
    public static final String FORMAT = "nn-playground/state-dict";
    public static final int VERSION = 1;
    private static final Set<String> KEYS = Set.of("format", "version", "tensors");

    private StateDictFile() {
    }

    public static String write(StateDict dict) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("version", VERSION);
        file.put("tensors", TensorJson.writeStateDict(dict));
        return JsonWriter.write(file);
    }

    public static StateDict read(String text) {
        Map<String, Object> file = JsonFields.object(Json.parse(text), "state dict file");
        FileHeader.check(file, FORMAT, VERSION, "state dict file");
        JsonFields.keys(file, "state dict file", KEYS, KEYS);
        return TensorJson.readStateDict(file.get("tensors"), "tensors");
    }
}
