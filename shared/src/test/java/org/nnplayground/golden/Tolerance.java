package org.nnplayground.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nnplayground.tensor.Tensor;

/** |actual − expected| ≤ absolute + relative·|expected|, as the golden README advises per file kind. */
public final class Tolerance {
    private final double absolute;
    private final double relative;

    public Tolerance(double absolute, double relative) {
        this.absolute = absolute;
        this.relative = relative;
    }

    public void check(String what, double expected, double actual) {
        double allowed = absolute + relative * Math.abs(expected);
        if (!(Math.abs(actual - expected) <= allowed)) {
            throw new AssertionError(what + ": expected " + expected + " but got " + actual + " (allowed difference "
                    + allowed + ")");
        }
    }

    public void check(String what, Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        for (int i = 0; i < expected.numel(); i++) {
            check(what + "[" + i + "]", expected.get(i), actual.get(i));
        }
    }

    public void checkShapeless(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.numel(), actual.numel(), what + ": number of values");
        for (int i = 0; i < expected.numel(); i++) {
            check(what + "[" + i + "]", expected.get(i), actual.get(i));
        }
    }
}
