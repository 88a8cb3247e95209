package org.nnplayground.web;

import org.teavm.jso.typedarrays.Float64Array;

/**
 * Doubles into and out of JavaScript typed arrays, element by element: TeaVM's bulk copies assume a double[] is
 * a Float64Array, which the JavaScript build's packed arrays are not (see PackedDoubleArrays). Gradient parts
 * cross between workers this way, not as JSON.
 */
final class TypedArrays {
    private TypedArrays() {
    }

    static Float64Array of(double[] values) {
        Float64Array out = new Float64Array(values.length);
        for (int i = 0; i < values.length; i++) {
            out.set(i, values[i]);
        }
        return out;
    }

    static double[] values(Float64Array values) {
        double[] out = new double[values.getLength()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
