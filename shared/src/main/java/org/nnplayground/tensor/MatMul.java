package org.nnplayground.tensor;

/**
 * Matrix products: {@code a·b}, and the fused {@code x·Wᵀ + b} of a linear layer (PyTorch's
 * {@code F.linear}), whose backward gives dx = G·W, dW = Gᵀ·x and db = column sums of G.
 * Plain loops over flat row-major arrays, ordered so the innermost loop walks memory contiguously.
 */
public final class MatMul {
    private MatMul() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.shape.length != 2 || b.shape.length != 2 || a.shape[1] != b.shape[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied ("
                    + Shape.format(a.shape) + " and " + Shape.format(b.shape) + ")");
        }
        int n = a.shape[0];
        int k = a.shape[1];
        int m = b.shape[1];
        double[] out = new double[n * m];
        multiply(a.data, b.data, out, n, k, m);
        return Tensor.derived(out, new int[] {n, m}, g -> {
            if (a.requiresGrad()) {
                double[] ga = new double[n * k];
                // ga = g · bᵀ
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < k; p++) {
                        double s = 0;
                        for (int j = 0; j < m; j++) {
                            s += g[i * m + j] * b.data[p * m + j];
                        }
                        ga[i * k + p] = s;
                    }
                }
                a.accumulateGrad(ga);
            }
            if (b.requiresGrad()) {
                double[] gb = new double[k * m];
                // gb = aᵀ · g
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < k; p++) {
                        double av = a.data[i * k + p];
                        for (int j = 0; j < m; j++) {
                            gb[p * m + j] += av * g[i * m + j];
                        }
                    }
                }
                b.accumulateGrad(gb);
            }
        }, a, b);
    }

    private static void multiply(double[] a, double[] b, double[] out, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double av = a[i * k + p];
                for (int j = 0; j < m; j++) {
                    out[i * m + j] += av * b[p * m + j];
                }
            }
        }
    }

    /** {@code x·Wᵀ + b} for x [N, in], W [out, in], b [out] or null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (x.shape.length != 2 || weight.shape.length != 2) {
            throw new IllegalArgumentException("linear expects a matrix input and weight, got "
                    + Shape.format(x.shape) + " and " + Shape.format(weight.shape));
        }
        if (x.shape[1] != weight.shape[1]) {
            // PyTorch names the product x·Wᵀ, so the second shape is Wᵀ's.
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + x.shape[0] + "x"
                    + x.shape[1] + " and " + weight.shape[1] + "x" + weight.shape[0] + ")");
        }
        int n = x.shape[0];
        int in = x.shape[1];
        int out = weight.shape[0];
        if (bias != null && (bias.shape.length != 1 || bias.shape[0] != out)) {
            throw new IllegalArgumentException("bias of shape " + Shape.format(bias.shape) + " does not match "
                    + out + " output features");
        }
        double[] y = ArrayPool.take(n * out, x);
        LinearKernels.forward(x.data, weight.data, bias == null ? null : bias.data, y, n, in, out);
        Backward rule = g -> linearBackward(g, x, weight, bias, n, in, out);
        int[] shape = x.pool == null ? new int[] {n, out} : x.pool.shape(n, out);
        return bias == null ? Tensor.derived(y, shape, rule, x, weight) : Tensor.derived(y, shape, rule, x, weight, bias);
    }

    private static void linearBackward(double[] g, Tensor x, Tensor weight, Tensor bias, int n, int in, int out) {
        // Each gradient is summed into the array its tensor's last zeroGrad() dropped, when there is one.
        if (x.requiresGrad()) {
            double[] gx = x.gradBuffer();
            LinearKernels.gradInput(g, weight.data, gx, n, in, out);
            x.accumulateGrad(gx);
        }
        if (weight.requiresGrad()) {
            double[] gw = weight.gradBuffer();
            LinearKernels.gradWeight(g, x.data, gw, n, in, out, x.pool);
            weight.accumulateGrad(gw);
        }
        if (bias != null && bias.requiresGrad()) {
            double[] gb = bias.gradBuffer();
            LinearKernels.gradBias(g, gb, n, out, x.pool);
            bias.accumulateGrad(gb);
        }
    }
}
