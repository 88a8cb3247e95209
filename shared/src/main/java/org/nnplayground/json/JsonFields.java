package org.nnplayground.json;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed, strict reads from parsed JSON, each error naming the field and what was wrong with it. */
public final class JsonFields {
    private JsonFields() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object, got " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value, String where) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + " must be a JSON array, got " + describe(value));
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
                throw new IllegalArgumentException(where + "[" + i + "] must be a number, got " + describe(v));
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
                throw new IllegalArgumentException(where + "[" + i + "] must be a whole number, got " + numbers[i]);
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
                throw new IllegalArgumentException(where + "[" + i + "] must be a string, got " + describe(list.get(i)));
            }
            out[i] = (String) list.get(i);
        }
        return out;
    }

    /** Rejects any key outside {@code allowed} and any missing key of {@code required}. */
    public static void keys(Map<String, Object> map, String where, Set<String> required, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + " has an unknown key \"" + key + "\"");
            }
        }
        for (String key : required) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException(where + " is missing the key \"" + key + "\"");
            }
        }
    }

    public static Object required(Map<String, Object> map, String key, String where) {
        if (!map.containsKey(key)) {
            throw new IllegalArgumentException(where + " is missing the key \"" + key + "\"");
        }
        return map.get(key);
    }

    public static String string(Map<String, Object> map, String key, String where) {
        Object value = required(map, key, where);
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(where + "." + key + " must be a string, got " + describe(value));
        }
        return (String) value;
    }

    public static double number(Map<String, Object> map, String key, String where) {
        Object value = required(map, key, where);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException(where + "." + key + " must be a number, got " + describe(value));
        }
        // Parsed files hold Doubles; architectures described in memory hold Integers.
        return ((Number) value).doubleValue();
    }

    public static int integer(Map<String, Object> map, String key, String where, int min, int max) {
        double value = number(map, key, where);
        if (value != Math.floor(value) || value < min || value > max) {
            throw new IllegalArgumentException(where + "." + key + " must be a whole number in [" + min + ", " + max
                    + "], got " + value);
        }
        return (int) value;
    }

    public static boolean bool(Map<String, Object> map, String key, String where) {
        Object value = required(map, key, where);
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException(where + "." + key + " must be true or false, got " + describe(value));
        }
        return (Boolean) value;
    }

    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "an object";
    }
}
