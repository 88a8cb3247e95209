package org.nnplayground.tensor;

/**
 * The three products behind a linear layer, on flat row-major arrays: y = x·Wᵀ + b, dx = G·W and
 * dW = Gᵀ·x. Each output element is summed in plain index order (over a large batch's rows, by
 * {@link RowBlocks}' fixed tree of blocks), so every platform, and any split over workers, rounds alike.
 * Speed comes from keeping loop overhead low on small layers: four rows share each pass over a
 * weight row, a first layer's one or two input features are unrolled instead of looped over, and
 * four rows whose gradients a ReLU zeroed are skipped together.
 */
final class LinearKernels {
    private LinearKernels() {
    }

    /** y[n][out] = x[n][in]·w[out][in]ᵀ + b[out] (b may be null). */
    static void forward(double[] x, double[] w, double[] b, double[] y, int n, int in, int out) {
        if (in <= 2) {
            forwardNarrow(x, w, b, y, n, in, out);
            return;
        }
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int x0 = i * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            for (int o = 0; o < out; o++) {
                int wo = o * in;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int p = 0; p < in; p++) {
                    double wv = w[wo + p];
                    s0 += x[x0 + p] * wv;
                    s1 += x[x1 + p] * wv;
                    s2 += x[x2 + p] * wv;
                    s3 += x[x3 + p] * wv;
                }
                double bias = b == null ? 0.0 : b[o];
                y[i * out + o] = s0 + bias;
                y[(i + 1) * out + o] = s1 + bias;
                y[(i + 2) * out + o] = s2 + bias;
                y[(i + 3) * out + o] = s3 + bias;
            }
        }
        for (; i < n; i++) {
            int xi = i * in;
            for (int o = 0; o < out; o++) {
                int wo = o * in;
                double s = 0;
                for (int p = 0; p < in; p++) {
                    s += x[xi + p] * w[wo + p];
                }
                y[i * out + o] = s + (b == null ? 0.0 : b[o]);
            }
        }
    }

    /** The forward product for one or two input features, unrolled. */
    private static void forwardNarrow(double[] x, double[] w, double[] b, double[] y, int n, int in, int out) {
        for (int i = 0; i < n; i++) {
            double x0 = x[i * in];
            double x1 = in == 2 ? x[i * in + 1] : 0.0;
            int yi = i * out;
            for (int o = 0; o < out; o++) {
                double s = 0;
                s += x0 * w[o * in];
                if (in == 2) {
                    s += x1 * w[o * in + 1];
                }
                y[yi + o] = s + (b == null ? 0.0 : b[o]);
            }
        }
    }

    /** gx[n][in] (zeroed) += g[n][out]·w[out][in], four rows at a time; each element sums over o in order. */
    static void gradInput(double[] g, double[] w, double[] gx, int n, int in, int out) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int x0 = i * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            for (int o = 0; o < out; o++) {
                double g0 = g[i * out + o];
                double g1 = g[(i + 1) * out + o];
                double g2 = g[(i + 2) * out + o];
                double g3 = g[(i + 3) * out + o];
                if (g0 == 0 && g1 == 0 && g2 == 0 && g3 == 0) {
                    continue;
                }
                int wo = o * in;
                for (int p = 0; p < in; p++) {
                    double wv = w[wo + p];
                    gx[x0 + p] += g0 * wv;
                    gx[x1 + p] += g1 * wv;
                    gx[x2 + p] += g2 * wv;
                    gx[x3 + p] += g3 * wv;
                }
            }
        }
        for (; i < n; i++) {
            int xi = i * in;
            for (int o = 0; o < out; o++) {
                double go = g[i * out + o];
                int wo = o * in;
                for (int p = 0; p < in; p++) {
                    gx[xi + p] += go * w[wo + p];
                }
            }
        }
    }

    /**
     * gw[out][in] (zeroed) += g[n][out]ᵀ·x[n][in]; each weight sums over the samples by {@link RowBlocks}' tree
     * (in order within a block), so that a batch split over workers sums alike.
     */
    static void gradWeight(double[] g, double[] x, double[] gw, int n, int in, int out, ArrayPool pool) {
        RowBlocks.sum(0, n, gw, (from, to, into) -> gradWeightRows(g, x, into, from, to, in, out), pool);
    }

    /** The weight gradient of rows [from, to), summed in row order. */
    private static void gradWeightRows(double[] g, double[] x, double[] gw, int from, int to, int in, int out) {
        if (in <= 2) {
            gradWeightNarrow(g, x, gw, from, to, in, out);
            return;
        }
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int x0 = i * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            for (int o = 0; o < out; o++) {
                double g0 = g[i * out + o];
                double g1 = g[(i + 1) * out + o];
                double g2 = g[(i + 2) * out + o];
                double g3 = g[(i + 3) * out + o];
                if (g0 == 0 && g1 == 0 && g2 == 0 && g3 == 0) {
                    continue;
                }
                int wo = o * in;
                for (int p = 0; p < in; p++) {
                    double v = gw[wo + p];
                    v += g0 * x[x0 + p];
                    v += g1 * x[x1 + p];
                    v += g2 * x[x2 + p];
                    v += g3 * x[x3 + p];
                    gw[wo + p] = v;
                }
            }
        }
        for (; i < to; i++) {
            int xi = i * in;
            for (int o = 0; o < out; o++) {
                double go = g[i * out + o];
                int wo = o * in;
                for (int p = 0; p < in; p++) {
                    gw[wo + p] += go * x[xi + p];
                }
            }
        }
    }

    /** The weight gradient for one or two input features, unrolled. */
    private static void gradWeightNarrow(double[] g, double[] x, double[] gw, int from, int to, int in, int out) {
        for (int i = from; i < to; i++) {
            int gi = i * out;
            double x0 = x[i * in];
            double x1 = in == 2 ? x[i * in + 1] : 0.0;
            for (int o = 0; o < out; o++) {
                double go = g[gi + o];
                gw[o * in] += go * x0;
                if (in == 2) {
                    gw[o * in + 1] += go * x1;
                }
            }
        }
    }

    /** gb[out] (zeroed) += column sums of g[n][out], by {@link RowBlocks}' tree like the weights. */
    static void gradBias(double[] g, double[] gb, int n, int out, ArrayPool pool) {
        RowBlocks.sum(0, n, gb, (from, to, into) -> gradBiasRows(g, into, from, to, out), pool);
    }

    /** The bias gradient of rows [from, to), four rows at a time, each sum in row order. */
    private static void gradBiasRows(double[] g, double[] gb, int from, int to, int out) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int g0 = i * out;
            for (int o = 0; o < out; o++) {
                double v = gb[o];
                v += g[g0 + o];
                v += g[g0 + out + o];
                v += g[g0 + 2 * out + o];
                v += g[g0 + 3 * out + o];
                gb[o] = v;
            }
        }
        for (; i < to; i++) {
            for (int o = 0; o < out; o++) {
                gb[o] += g[i * out + o];
            }
        }
    }
}
