package org.nnplayground.tensor;

import org.nnplayground.math.PortableMath;

/**
 * Row-wise softmax and log-softmax of a matrix along dim 1 (the class dimension), with the row maximum
 * subtracted first so logits of any size stay finite; gather and argmax for class indices.
 */
final class Softmax {
    private Softmax() {
    }

    private static void requireClassDim(Tensor input, int dim, String op) {
        if (input.shape.length != 2 || Shape.dim(dim, 2) != 1) {
            throw new IllegalArgumentException(op + " supports a matrix along dim 1, got shape "
                    + Shape.format(input.shape) + " and dim " + dim);
        }
    }

    static Tensor logSoftmax(Tensor input, int dim) {
        requireClassDim(input, dim, "log_softmax");
        int rows = input.shape[0];
        int cols = input.shape[1];
        double[] out = logSoftmaxRows(input.data, rows, cols);
        return Tensor.derived(out, input.shape.clone(), g -> {
            // d/dx log_softmax: g − softmax · Σg, row by row.
            double[] gx = new double[out.length];
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    sum += g[r * cols + c];
                }
                for (int c = 0; c < cols; c++) {
                    gx[r * cols + c] = g[r * cols + c] - PortableMath.exp(out[r * cols + c]) * sum;
                }
            }
            input.accumulateGrad(gx);
        }, input);
    }

    /** log-softmax of each row: x − max − log Σ e^(x − max). */
    public static double[] logSoftmaxRows(double[] x, int rows, int cols) {
        double[] out = new double[x.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += PortableMath.exp(x[base + c] - max);
            }
            double logSum = PortableMath.log(sum);
            for (int c = 0; c < cols; c++) {
                out[base + c] = (x[base + c] - max) - logSum;
            }
        }
        return out;
    }

    static Tensor softmax(Tensor input, int dim) {
        requireClassDim(input, dim, "softmax");
        int rows = input.shape[0];
        int cols = input.shape[1];
        double[] out = new double[input.data.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, input.data[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                out[base + c] = PortableMath.exp(input.data[base + c] - max);
                sum += out[base + c];
            }
            for (int c = 0; c < cols; c++) {
                out[base + c] /= sum;
            }
        }
        return Tensor.derived(out, input.shape.clone(), g -> {
            // d/dx softmax: y · (g − Σ g·y), row by row.
            double[] gx = new double[out.length];
            for (int r = 0; r < rows; r++) {
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += g[r * cols + c] * out[r * cols + c];
                }
                for (int c = 0; c < cols; c++) {
                    gx[r * cols + c] = out[r * cols + c] * (g[r * cols + c] - dot);
                }
            }
            input.accumulateGrad(gx);
        }, input);
    }

    /** The class index of row r, checked to be a whole number in [0, classes). */
    static int classIndex(double value, int row, int classes) {
        if (!(value >= 0 && value < classes) || value != Math.floor(value)) {
            throw new IllegalArgumentException("Target " + value + " at row " + row + " is out of bounds: expected a class index in [0, "
                    + classes + ")");
        }
        return (int) value;
    }

    static Tensor gather(Tensor input, int dim, Tensor index) {
        requireClassDim(input, dim, "gather");
        int rows = input.shape[0];
        int cols = input.shape[1];
        if (index.shape.length != 2 || index.shape[0] != rows || index.shape[1] != 1) {
            throw new IllegalArgumentException("gather expects an index of shape [" + rows + ", 1], got "
                    + Shape.format(index.shape));
        }
        int[] picks = new int[rows];
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            picks[r] = classIndex(index.data[r], r, cols);
            out[r] = input.data[r * cols + picks[r]];
        }
        return Tensor.derived(out, new int[] {rows, 1}, g -> {
            double[] gx = new double[input.data.length];
            for (int r = 0; r < rows; r++) {
                gx[r * cols + picks[r]] = g[r];
            }
            input.accumulateGrad(gx);
        }, input);
    }

    static Tensor argmax(Tensor input, int dim) {
        requireClassDim(input, dim, "argmax");
        int rows = input.shape[0];
        int cols = input.shape[1];
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < cols; c++) {
                if (input.data[r * cols + c] > input.data[r * cols + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return new Tensor(out, new int[] {rows});
    }
}
