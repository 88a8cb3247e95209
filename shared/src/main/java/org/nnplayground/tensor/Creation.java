package org.nnplayground.tensor;

import org.nnplayground.random.Generator;

/**
 * The work behind {@link Tensor}'s factories: the check that values fill a shape, the copies, and the values
 * computed (PyTorch's {@code torch.linspace}, {@code torch.rand}, {@code torch.normal}) or gathered from rows.
 */
final class Creation {
    private Creation() {
    }

    /** Refuses values that do not fill the shape exactly, naming both. */
    static void checkCount(double[] values, int[] shape) {
        if (Shape.numel(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Shape.format(shape) + " needs " + Shape.numel(shape)
                    + " values, got " + values.length);
        }
    }

    /** A tensor over a copy of {@code values} and of {@code shape}, which the values must fill. */
    static Tensor copyOf(double[] values, int[] shape) {
        checkCount(values, shape);
        return new Tensor(values.clone(), shape.clone());
    }

    /** A tensor over {@code values} themselves (handed over by their maker), which must fill {@code shape}. */
    static Tensor over(double[] values, int[] shape) {
        checkCount(values, shape);
        return new Tensor(values, shape.clone());
    }

    static Tensor full(double value, int[] shape) {
        double[] values = new double[Shape.numel(shape)];
        java.util.Arrays.fill(values, value);
        return new Tensor(values, shape.clone());
    }

    static Tensor linspace(double start, double end, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("number of steps must be positive, got " + steps);
        }
        double[] values = new double[steps];
        if (steps == 1) {
            values[0] = start;
            return new Tensor(values, new int[] {1});
        }
        double step = (end - start) / (steps - 1);
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            // PyTorch fills the first half from start and the second half back from end.
            values[i] = i < half ? start + step * i : end - step * (steps - i - 1);
        }
        return new Tensor(values, new int[] {steps});
    }

    static Tensor rand(Generator generator, int... shape) {
        double[] values = new double[Shape.numel(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = generator.uniform();
        }
        return new Tensor(values, shape.clone());
    }

    static Tensor normal(Tensor mean, double std, Generator generator) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, got " + std);
        }
        double[] values = new double[mean.data.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = generator.normal(mean.data[i], std);
        }
        return new Tensor(values, mean.shape.clone());
    }

    static Tensor ofRows(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + cols);
            }
            System.arraycopy(rows[r], 0, values, r * cols, cols);
        }
        return new Tensor(values, new int[] {rows.length, cols});
    }
}
