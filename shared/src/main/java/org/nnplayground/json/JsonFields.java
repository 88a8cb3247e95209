package org.nnplayground.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.text.CodedError;

/** Typed, strict reads from parsed JSON, each error naming the field and what was wrong with it. */
public final class JsonFields {
    private JsonFields() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw wrongKind(where, "object", "a JSON object", value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value, String where) {
        if (!(value instanceof List)) {
            throw wrongKind(where, "array", "a JSON array", value);
        }
        return (List<Object>) value;
    }

    /** A JSON array of finite numbers, e.g. a dataset's inputs. */
    public static double[] numbers(Object value, String where) {
        List<Object> list = list(value, where);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Number) || !Double.isFinite(((Number) v).doubleValue())) {
                throw wrongKind(where + "[" + i + "]", "number", "a number", v);
            }
            out[i] = ((Number) v).doubleValue();
        }
        return out;
    }

    /** A JSON array of whole numbers, e.g. row indices or layer sizes. */
    public static int[] integers(Object value, String where) {
        double[] numbers = numbers(value, where);
        int[] out = new int[numbers.length];
        for (int i = 0; i < out.length; i++) {
            if (numbers[i] != Math.rint(numbers[i]) || Math.abs(numbers[i]) > Integer.MAX_VALUE) {
                throw new CodedError("json.whole", where + "[" + i + "] must be a whole number, got " + numbers[i],
                        "field", where + "[" + i + "]", "value", numbers[i]);
            }
            out[i] = (int) numbers[i];
        }
        return out;
    }

    /** A JSON array of strings, e.g. class names. */
    public static String[] strings(Object value, String where) {
        List<Object> list = list(value, where);
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof String)) {
                throw wrongKind(where + "[" + i + "]", "string", "a string", list.get(i));
            }
            out[i] = (String) list.get(i);
        }
        return out;
    }

    /** Rejects any key outside {@code allowed} and any missing key of {@code required}. */
    public static void keys(Map<String, Object> map, String where, Set<String> required, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new CodedError("json.unknownKey", where + " has an unknown key \"" + key + "\"", "field", where, "key", key);
            }
        }
        for (String key : required) {
            if (!map.containsKey(key)) {
                throw missing(where, key);
            }
        }
    }

    public static Object required(Map<String, Object> map, String key, String where) {
        if (!map.containsKey(key)) {
            throw missing(where, key);
        }
        return map.get(key);
    }

    public static String string(Map<String, Object> map, String key, String where) {
        Object value = required(map, key, where);
        if (!(value instanceof String)) {
            throw wrongKind(where + "." + key, "string", "a string", value);
        }
        return (String) value;
    }

    public static double number(Map<String, Object> map, String key, String where) {
        Object value = required(map, key, where);
        if (!(value instanceof Number)) {
            throw wrongKind(where + "." + key, "number", "a number", value);
        }
        // Parsed files hold Doubles; architectures described in memory hold Integers.
        return ((Number) value).doubleValue();
    }

    public static int integer(Map<String, Object> map, String key, String where, int min, int max) {
        double value = number(map, key, where);
        if (value != Math.floor(value) || value < min || value > max) {
            throw new CodedError("json.range", where + "." + key + " must be a whole number in [" + min + ", " + max
                    + "], got " + value, "field", where + "." + key, "min", min, "max", max, "value", value);
        }
        return (int) value;
    }

    public static boolean bool(Map<String, Object> map, String key, String where) {
        Object value = required(map, key, where);
        if (!(value instanceof Boolean)) {
            throw wrongKind(where + "." + key, "boolean", "true or false", value);
        }
        return (Boolean) value;
    }

    /**
     * "field must be <wanted>, got <a kind>": coded json.kind with the wanted and found kinds as words a page can say
     * in its language (object, array, number, string, boolean, null).
     */
    public static CodedError wrongKind(String where, String wanted, String wantedText, Object value) {
        return new CodedError("json.kind", where + " must be " + wantedText + ", got " + describe(value), "field", where,
                "wanted", wanted, "got", kind(value));
    }

    private static CodedError missing(String where, String key) {
        return new CodedError("json.missingKey", where + " is missing the key \"" + key + "\"", "field", where, "key", key);
    }

    /** A JSON value's kind as one word: null, string, number, boolean, array or object. */
    public static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value instanceof List ? "array" : "object";
    }

    /** A JSON value's kind as a phrase: "a string", "an array", "null". */
    public static String describe(Object value) {
        String kind = kind(value);
        return kind.equals("null") ? kind : (kind.equals("array") || kind.equals("object") ? "an " : "a ") + kind;
    }
}
