package org.nnplayground.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.json.JsonFields;
import org.nnplayground.nn.StateDict;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;
import org.nnplayground.text.PythonText;

/** A tensor as {@code {"shape": [10, 1], "data": [...]}} (row-major), and a state dict as a map of those. */
public final class TensorJson {
    /** The largest tensor a file may hold, so a hostile file cannot exhaust memory. */
    public static final int MAX_ELEMENTS = 16_000_000;

    private TensorJson() {
    }

    public static Map<String, Object> write(Tensor t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("shape", t.shape());
        map.put("data", t.storage());
        return map;
    }

    public static Tensor read(Object json, String where) {
        Map<String, Object> map = JsonFields.object(json, where);
        JsonFields.keys(map, where, java.util.Set.of("shape", "data"), java.util.Set.of("shape", "data"));
        List<Object> shapeList = JsonFields.list(map.get("shape"), where + ".shape");
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Object size = shapeList.get(i);
            if (!(size instanceof Double) || (Double) size != Math.floor((Double) size) || (Double) size < 0
                    || (Double) size > MAX_ELEMENTS) {
                throw new CodedError("file.tensorSize", where + ".shape[" + i + "] must be a whole number >= 0, got " + size,
                        "field", where + ".shape[" + i + "]", "value", size);
            }
            shape[i] = (int) (double) (Double) size;
            count *= shape[i];
            if (count > MAX_ELEMENTS) {
                throw new CodedError("file.tooManyValues", where + " has more than " + MAX_ELEMENTS + " values", "key", where,
                        "limit", MAX_ELEMENTS);
            }
        }
        List<Object> data = JsonFields.list(map.get("data"), where + ".data");
        if (data.size() != count) {
            throw new CodedError("file.tensorData", where + " has shape " + PythonText.size(shape) + " (" + count
                    + " values) but " + data.size() + " data values", "field", where, "shape", PythonText.size(shape),
                    "count", count, "values", data.size());
        }
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = data.get(i);
            if (!(v instanceof Double)) {
                throw JsonFields.wrongKind(where + ".data[" + i + "]", "number", "a number", v);
            }
            values[i] = (Double) v;
        }
        return Tensor.withShape(values, shape);
    }

    public static Map<String, Object> writeStateDict(StateDict dict) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : dict.keys()) {
            map.put(key, write(dict.get(key)));
        }
        return map;
    }

    public static StateDict readStateDict(Object json, String where) {
        Map<String, Object> map = JsonFields.object(json, where);
        StateDict dict = new StateDict();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            dict.put(entry.getKey(), read(entry.getValue(), where + "[\"" + entry.getKey() + "\"]"));
        }
        return dict;
    }
}
