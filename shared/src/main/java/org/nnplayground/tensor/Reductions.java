package org.nnplayground.tensor;

/** sum and mean, over everything or along one dimension. */
final class Reductions {
    private Reductions() {
    }

    static Tensor sum(Tensor input) {
        double total = 0;
        for (double v : input.data) {
            total += v;
        }
        return Tensor.derived(new double[] {total}, Shape.SCALAR, g -> {
            double[] gx = new double[input.data.length];
            java.util.Arrays.fill(gx, g[0]);
            input.accumulateGrad(gx);
        }, input);
    }

    static Tensor mean(Tensor input) {
        int n = input.data.length;
        if (n == 0) {
            throw new IllegalArgumentException("mean of an empty tensor");
        }
        double total = 0;
        for (double v : input.data) {
            total += v;
        }
        return Tensor.derived(new double[] {total / n}, Shape.SCALAR, g -> {
            double[] gx = new double[n];
            java.util.Arrays.fill(gx, g[0] / n);
            input.accumulateGrad(gx);
        }, input);
    }

    static Tensor sum(Tensor input, int dim, boolean keepDim) {
        int d = Shape.dim(dim, input.shape.length);
        int outer = 1;
        for (int i = 0; i < d; i++) {
            outer *= input.shape[i];
        }
        int size = input.shape[d];
        int inner = 1;
        for (int i = d + 1; i < input.shape.length; i++) {
            inner *= input.shape[i];
        }
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < size; k++) {
                int base = (o * size + k) * inner;
                for (int i = 0; i < inner; i++) {
                    out[o * inner + i] += input.data[base + i];
                }
            }
        }
        int[] shape = reducedShape(input.shape, d, keepDim);
        int innerSize = inner;
        int outerSize = outer;
        return Tensor.derived(out, shape, g -> {
            double[] gx = new double[input.data.length];
            for (int o = 0; o < outerSize; o++) {
                for (int k = 0; k < size; k++) {
                    int base = (o * size + k) * innerSize;
                    for (int i = 0; i < innerSize; i++) {
                        gx[base + i] = g[o * innerSize + i];
                    }
                }
            }
            input.accumulateGrad(gx);
        }, input);
    }

    private static int[] reducedShape(int[] shape, int dim, boolean keepDim) {
        int[] out = new int[keepDim ? shape.length : shape.length - 1];
        int j = 0;
        for (int i = 0; i < shape.length; i++) {
            if (i == dim) {
                if (keepDim) {
                    out[j++] = 1;
                }
            } else {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
