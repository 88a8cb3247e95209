package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.json.JsonFields;
import org.nnplayground.text.CodedError;

/**
 * One keyword argument of a PyTorch constructor as a run configuration gives it: its name, its kind (a number,
 * a flag, one of some strings, a pair of numbers or a list of them) and PyTorch's default (null when PyTorch
 * requires it).
 */
public final class Option {
    /** What a value of the option may be. */
    public enum Kind { NUMBER, FLAG, CHOICE, PAIR, NUMBERS }

    private final String name;
    private final Kind kind;
    private final Object defaultValue;
    private final List<String> choices;

    private Option(String name, Kind kind, Object defaultValue, List<String> choices) {
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.choices = choices;
    }

    public static Option number(String name, double defaultValue) {
        return new Option(name, Kind.NUMBER, defaultValue, List.of());
    }

    /** A number PyTorch has no default for (SGD's lr). */
    public static Option requiredNumber(String name) {
        return new Option(name, Kind.NUMBER, null, List.of());
    }

    public static Option flag(String name, boolean defaultValue) {
        return new Option(name, Kind.FLAG, defaultValue, List.of());
    }

    public static Option choice(String name, String defaultValue, String... choices) {
        return new Option(name, Kind.CHOICE, defaultValue, List.of(choices));
    }

    /** A pair of numbers, like Adam's {@code betas}. */
    public static Option pair(String name, double first, double second) {
        return new Option(name, Kind.PAIR, List.of(first, second), List.of());
    }

    /** A list of numbers PyTorch takes as a tensor (CrossEntropyLoss's weight); none (PyTorch's None) by default. */
    public static Option numbers(String name) {
        return new Option(name, Kind.NUMBERS, List.of(), List.of());
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * PyTorch's default: a Double, Boolean, String or a list of Doubles (an empty list for None); null if the
     * option is required.
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Checks a value from a configuration and returns it typed like the default; {@code where} names it in errors. */
    @SuppressWarnings("unchecked")
    Object read(Object value, String where) {
        switch (kind) {
            case NUMBER:
                return finite(value, where);
            case FLAG:
                if (!(value instanceof Boolean)) {
                    throw JsonFields.wrongKind(where, "boolean", "true or false", value);
                }
                return value;
            case CHOICE:
                if (!choices.contains(value)) {
                    throw new CodedError("unknownName", where + " must be one of " + choices + ", got " + value, "field", where,
                            "names", String.valueOf(choices), "name", value);
                }
                return value;
            case NUMBERS:
                return numbers(value, where);
            default:
                if (!(value instanceof List) || ((List<Object>) value).size() != 2) {
                    throw new IllegalArgumentException(where + " must be a pair of numbers, e.g. [0.9, 0.999]");
                }
                List<Object> pair = (List<Object>) value;
                return List.of(finite(pair.get(0), where + "[0]"), finite(pair.get(1), where + "[1]"));
        }
    }

    /** A list of at most 1,000 numbers (one per class or output). */
    private static List<Double> numbers(Object value, String where) {
        if (!(value instanceof List) || ((List<?>) value).size() > 1000) {
            throw new IllegalArgumentException(where + " must be a list of numbers, one per class, e.g. [1.0, 2.5]");
        }
        List<Double> out = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            out.add(finite(list.get(i), where + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private static Double finite(Object value, String where) {
        if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())) {
            throw JsonFields.wrongKind(where, "number", "a number", value);
        }
        return ((Number) value).doubleValue();
    }

    /** The option as the catalog describes it to the pages: name, kind, default and choices. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("kind", kind.name().toLowerCase());
        out.put("default", defaultValue);
        if (!choices.isEmpty()) {
            out.put("choices", choices);
        }
        return out;
    }
}
