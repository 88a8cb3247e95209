package org.nnplayground.tensor;

/**
 * add, sub, mul and div with PyTorch's broadcasting. The backward rule of each operand sums the
 * output gradient over the dimensions it was broadcast along, so the gradient has the operand's shape.
 */
final class Elementwise {
    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int DIV = 3;

    private Elementwise() {
    }

    static Tensor add(Tensor a, Tensor b) {
        return apply(ADD, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        return apply(SUB, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        return apply(MUL, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        return apply(DIV, a, b);
    }

    private static Tensor apply(int op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(a.shape, b.shape);
        Broadcast map = new Broadcast(a.shape, b.shape, shape);
        double[] x = a.data;
        double[] y = b.data;
        double[] out = new double[map.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = combine(op, x[map.indexA[i]], y[map.indexB[i]]);
        }
        return Tensor.derived(out, shape, g -> {
            if (a.requiresGrad()) {
                double[] ga = new double[x.length];
                for (int i = 0; i < g.length; i++) {
                    ga[map.indexA[i]] += partialA(op, x[map.indexA[i]], y[map.indexB[i]]) * g[i];
                }
                a.accumulateGrad(ga);
            }
            if (b.requiresGrad()) {
                double[] gb = new double[y.length];
                for (int i = 0; i < g.length; i++) {
                    gb[map.indexB[i]] += partialB(op, x[map.indexA[i]], y[map.indexB[i]]) * g[i];
                }
                b.accumulateGrad(gb);
            }
        }, a, b);
    }

    private static double combine(int op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            default:
                return x / y;
        }
    }

    /** d(x op y)/dx. */
    private static double partialA(int op, double x, double y) {
        return op == MUL ? y : op == DIV ? 1.0 / y : 1.0;
    }

    /** d(x op y)/dy. */
    private static double partialB(int op, double x, double y) {
        switch (op) {
            case ADD:
                return 1.0;
            case SUB:
                return -1.0;
            case MUL:
                return x;
            default:
                return -x / (y * y);
        }
    }

    /** For each output element, the flat index it reads in each operand. */
    private static final class Broadcast {
        final int size;
        final int[] indexA;
        final int[] indexB;

        Broadcast(int[] shapeA, int[] shapeB, int[] out) {
            size = Shape.numel(out);
            indexA = new int[size];
            indexB = new int[size];
            int[] stridesA = Shape.broadcastStrides(shapeA, out);
            int[] stridesB = Shape.broadcastStrides(shapeB, out);
            int[] counter = new int[out.length];
            int ia = 0;
            int ib = 0;
            for (int i = 0; i < size; i++) {
                indexA[i] = ia;
                indexB[i] = ib;
                // Advance the multi-index like an odometer, keeping both offsets in step.
                for (int d = out.length - 1; d >= 0; d--) {
                    counter[d]++;
                    ia += stridesA[d];
                    ib += stridesB[d];
                    if (counter[d] < out[d]) {
                        break;
                    }
                    ia -= stridesA[d] * out[d];
                    ib -= stridesB[d] * out[d];
                    counter[d] = 0;
                }
            }
        }
    }
}
