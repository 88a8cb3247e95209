package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.text.CodedError;

/**
 * The values of a constructor's options as a configuration gives them, with PyTorch's defaults for the rest.
 * Reading refuses a key no option has and a value of the wrong kind, naming the field.
 */
public final class Options {
    private final Map<String, Object> values;
    private final Map<String, Object> given;

    private Options(Map<String, Object> values, Map<String, Object> given) {
        this.values = values;
        this.given = given;
    }

    /**
     * Reads {@code json}'s keys as {@code options}; keys in {@code other} belong to the caller and are skipped.
     * A required option that is missing is an error naming it.
     */
    static Options read(Map<String, Object> json, List<Option> options, Set<String> other, String where) {
        Map<String, Option> byName = new LinkedHashMap<>();
        for (Option option : options) {
            byName.put(option.name(), option);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            if (other.contains(entry.getKey())) {
                continue;
            }
            Option option = byName.get(entry.getKey());
            if (option == null) {
                throw new CodedError("option.unknown", where + " has an unknown key \"" + entry.getKey() + "\"; it takes "
                        + new ArrayList<>(byName.keySet()), "field", where, "key", entry.getKey(),
                        "keys", String.valueOf(new ArrayList<>(byName.keySet())));
            }
            given.put(option.name(), option.read(entry.getValue(), where + "." + option.name()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option option : options) {
            Object value = given.containsKey(option.name()) ? given.get(option.name()) : option.defaultValue();
            if (value == null) {
                throw new CodedError("option.required", where + " needs " + option.name() + " (PyTorch has no default for it)",
                        "field", where, "option", option.name());
            }
            values.put(option.name(), value);
        }
        return new Options(values, given);
    }

    /** Every option's default (all must have one). */
    static Options defaults(List<Option> options) {
        return read(Map.of(), options, Set.of(), "options");
    }

    public double number(String name) {
        return (Double) get(name);
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    public String string(String name) {
        return (String) get(name);
    }

    /** A list option's numbers, or null when it is empty (PyTorch's None). */
    @SuppressWarnings("unchecked")
    public double[] numbers(String name) {
        List<Double> list = (List<Double>) get(name);
        if (list.isEmpty()) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** The i-th number of a pair option. */
    @SuppressWarnings("unchecked")
    public double pair(String name, int i) {
        return ((List<Double>) get(name)).get(i);
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no option " + name);
        }
        return values.get(name);
    }

    /** Only the options the configuration gave, in its order: what a written configuration repeats. */
    public Map<String, Object> given() {
        return new LinkedHashMap<>(given);
    }
}
