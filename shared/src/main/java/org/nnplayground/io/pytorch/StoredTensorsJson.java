package org.nnplayground.io.pytorch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;

/**
 * Named tensors with their element types as JSON, {@code {"x": {"dtype": "float64", "shape": [n, 1],
 * "values": [...]}, ...}}: how the browser's training engine hands a file's contents to its toolkit build,
 * which writes the .pt (the two are separate builds, so pages that never write files do not load the writers).
 */
public final class StoredTensorsJson {
    private static final Set<String> KEYS = Set.of("dtype", "shape", "values");

    private StoredTensorsJson() {
    }

    public static String write(Map<String, StoredTensor> tensors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, StoredTensor> entry : tensors.entrySet()) {
            StoredTensor t = entry.getValue();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("dtype", t.dtype().name().toLowerCase());
            List<Object> shape = new ArrayList<>();
            for (int size : t.shape()) {
                shape.add(size);
            }
            one.put("shape", shape);
            one.put("values", t.values());
            out.put(entry.getKey(), one);
        }
        return JsonWriter.write(out);
    }

    public static Map<String, StoredTensor> read(String text) {
        Map<String, Object> all = JsonFields.object(Json.parse(text), "tensors");
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            String where = "tensors." + entry.getKey();
            Map<String, Object> one = JsonFields.object(entry.getValue(), where);
            JsonFields.keys(one, where, KEYS, KEYS);
            String dtype = JsonFields.string(one, "dtype", where);
            StoredTensor.DType type = null;
            for (StoredTensor.DType candidate : StoredTensor.DType.values()) {
                if (candidate.name().toLowerCase().equals(dtype)) {
                    type = candidate;
                }
            }
            if (type == null) {
                throw new IllegalArgumentException(where + ".dtype: float32, float64, int64 or int32, got " + dtype);
            }
            out.put(entry.getKey(), new StoredTensor(type, JsonFields.integers(one.get("shape"), where + ".shape"),
                    JsonFields.numbers(one.get("values"), where + ".values")));
        }
        return out;
    }
}
