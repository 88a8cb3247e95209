package org.nnplayground.loss;

import org.nnplayground.tensor.Tensor;

/** Class targets stored as whole numbers in a tensor, checked before any array is indexed with them. */
final class ClassTargets {
    private ClassTargets() {
    }

    /**
     * Checks that every target is a class index in [0, classes) and returns the values, which callers may then
     * cast to int (a check rather than an int[] copy: one array less per training step).
     */
    static double[] checked(Tensor target, int classes) {
        double[] values = target.storage();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            // Range first: only then is the cast safe on every platform.
            if (!(v >= 0 && v < classes) || (int) v != v) {
                throw new IllegalArgumentException("Target " + v + " at position " + i
                        + " is out of bounds: expected a class index in [0, " + classes + ")");
            }
        }
        return values;
    }
}
