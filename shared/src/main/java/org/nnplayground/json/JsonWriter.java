package org.nnplayground.json;

import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link Json} reads (maps, lists, numbers, strings, booleans, null) as compact JSON.
 * Doubles are written with Java's shortest round-trip form (whole numbers without ".0", as JavaScript writes
 * them), so they read back to the same bits;
 * NaN and infinities have no JSON form and are refused.
 */
public final class JsonWriter {
    private static NumberText numberText = Double::toString;

    private JsonWriter() {
    }

    /**
     * Writes fractional numbers with {@code text} from now on, for a platform whose own form is faster and reads
     * back to the same bits: in the browser, JavaScript's {@code String(x)}, where TeaVM's {@code Double.toString}
     * emulates 64-bit arithmetic, and the engine writes every update's loss.
     */
    public static void useNumberText(NumberText text) {
        numberText = text;
    }

    /**
     * Values ready to write: JSON has no NaN or infinity, so those become null (a diverged loss, say). A view of
     * {@code values}, which the caller no longer changes: this writer writes it without boxing every number.
     */
    public static List<Object> finiteOrNull(double[] values) {
        return new FiniteOrNull(values);
    }

    private static final class FiniteOrNull extends java.util.AbstractList<Object> {
        private final double[] values;

        FiniteOrNull(double[] values) {
            this.values = values;
        }

        @Override
        public Object get(int index) {
            double value = values[index];
            return Double.isFinite(value) ? (Object) value : null;
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendString(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue() ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value.toString());
        } else if (value instanceof Number) {
            appendNumber(out, ((Number) value).doubleValue());
        } else if (value instanceof FiniteOrNull) {
            appendNumbers(out, ((FiniteOrNull) value).values, true);
        } else if (value instanceof double[]) {
            appendNumbers(out, (double[]) value, false);
        } else if (value instanceof int[]) {
            int[] values = (int[]) value;
            out.append('[');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(values[i]);
            }
            out.append(']');
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, entry.getKey());
                out.append(':');
                append(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            boolean first = true;
            for (Object item : (List<Object>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    /** An array of numbers; NaN and infinities as null when {@code nullIfNotFinite}, else refused. */
    private static void appendNumbers(StringBuilder out, double[] values, boolean nullIfNotFinite) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (nullIfNotFinite && !Double.isFinite(values[i])) {
                out.append("null");
            } else {
                appendNumber(out, values[i]);
            }
        }
        out.append(']');
    }

    private static void appendNumber(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON (the model holds a non-finite value)");
        }
        if (value == 0 && 1 / value < 0) {
            out.append("-0.0"); // not every number form keeps the sign (JavaScript's String(-0) is "0")
        } else if (value == Math.floor(value) && Math.abs(value) < 1e15) {
            out.append((long) value); // 10, not 10.0: whole numbers read the same in JavaScript and Python
        } else {
            out.append(numberText.of(value));
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        // Escaped so a model file can never be read as markup.
                        String hex = Integer.toHexString(c);
                        out.append("\\u");
                        for (int pad = hex.length(); pad < 4; pad++) {
                            out.append('0');
                        }
                        out.append(hex);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
