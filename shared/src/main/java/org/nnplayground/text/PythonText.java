package org.nnplayground.text;

/**
 * Numbers and sizes written the way Python prints them, for messages and printouts that must read
 * exactly like PyTorch's: {@code 0.01}, {@code 1.0}, {@code 1e-05}, {@code torch.Size([10, 1])}.
 */
public final class PythonText {
    private PythonText() {
    }

    /** Python's {@code repr(float)}: fixed notation for exponents −4..15, otherwise {@code 1e-05} style. */
    public static String repr(double value) {
        if (value != value) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1.0 / value < 0 ? "-0.0" : "0.0";
        }
        String sign = value < 0 ? "-" : "";
        String java = Double.toString(Math.abs(value));
        String digits;
        int exponent; // value = 0.d1d2d3... × 10^exponent
        int e = java.indexOf('E');
        String mantissa = e >= 0 ? java.substring(0, e) : java;
        int shift = e >= 0 ? Integer.parseInt(java.substring(e + 1)) : 0;
        int dot = mantissa.indexOf('.');
        String whole = mantissa.substring(0, dot);
        String fraction = mantissa.substring(dot + 1);
        String all = whole + fraction;
        int leadingZeros = 0;
        while (leadingZeros < all.length() - 1 && all.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        digits = stripTrailingZeros(all.substring(leadingZeros));
        exponent = whole.length() - leadingZeros + shift;
        int scientific = exponent - 1;
        if (scientific < -4 || scientific >= 16) {
            String rest = digits.length() > 1 ? "." + digits.substring(1) : "";
            String exp = Math.abs(scientific) < 10 ? "0" + Math.abs(scientific) : String.valueOf(Math.abs(scientific));
            return sign + digits.charAt(0) + rest + "e" + (scientific < 0 ? "-" : "+") + exp;
        }
        if (exponent <= 0) {
            return sign + "0." + zeros(-exponent) + digits;
        }
        if (exponent >= digits.length()) {
            return sign + digits + zeros(exponent - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent) + "." + digits.substring(exponent);
    }

    private static String zeros(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append('0');
        }
        return text.toString();
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    /** A number as Python would print what the user passed: whole values as ints, others as floats. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return repr(value);
    }

    /** {@code True} or {@code False}. */
    public static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /** {@code torch.Size([10, 1])}. */
    public static String size(int[] shape) {
        StringBuilder text = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(shape[i]);
        }
        return text.append("])").toString();
    }
}
