package org.nnplayground.bench;

/**
 * The benchmark harness's deterministic inputs (../shared/bench/harness/bench-common.js), ported so the JVM
 * trains on the same data, initial weights and batch order as the browser implementations: mulberry32
 * uniforms, Box–Muller normals, float32 storage, PyTorch's Linear initialisation.
 */
final class BenchData {
    private BenchData() {
    }

    /** mulberry32 with a Box–Muller normal, exactly as the harness draws them. */
    static final class Rng {
        private int state;
        private Double spare;

        Rng(int seed) {
            state = seed;
        }

        double uniform() {
            state += 0x6D2B79F5;
            int t = state;
            t = (t ^ (t >>> 15)) * (t | 1);
            t ^= t + (t ^ (t >>> 7)) * (t | 61);
            return Integer.toUnsignedLong(t ^ (t >>> 14)) / 4294967296.0;
        }

        double normal() {
            if (spare != null) {
                double s = spare;
                spare = null;
                return s;
            }
            double u1 = 0;
            while (u1 == 0) {
                u1 = uniform();
            }
            double u2 = uniform();
            double r = Math.sqrt(-2 * Math.log(u1));
            spare = r * Math.sin(2 * Math.PI * u2);
            return r * Math.cos(2 * Math.PI * u2);
        }
    }

    static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (a + (b - a) * i / (n - 1));
        }
        return out;
    }

    /** x = linspace(−1, 1, n), y = x² + noise·(U(0,1) or N(0,1)). */
    static double[][] regression(int n, double noise, boolean uniformNoise, int seed) {
        Rng r = new Rng(seed);
        double[] x = linspace(-1, 1, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double e = uniformNoise ? r.uniform() : r.normal();
            y[i] = (float) (x[i] * x[i] + noise * e);
        }
        return new double[][] {x, y};
    }

    /** n points: the first half around (m, m) labelled 0, the rest around (−m, −m) labelled 1. */
    static double[][] clusters(int n, double m, int seed) {
        Rng r = new Rng(seed);
        double[] x = new double[2 * n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double c = i < n / 2 ? m : -m;
            x[2 * i] = (float) (c + r.normal());
            x[2 * i + 1] = (float) (c + r.normal());
            labels[i] = i < n / 2 ? 0 : 1;
        }
        return new double[][] {x, labels};
    }

    /** Per layer {W (row-major [out][in]), b}, drawn as the harness draws them. */
    static double[][][] initWeights(int[] sizes, int seed) {
        Rng r = new Rng(seed);
        double[][][] layers = new double[sizes.length - 1][][];
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double k = 1 / Math.sqrt(in);
            double[] w = new double[out * in];
            double[] b = new double[out];
            for (int j = 0; j < w.length; j++) {
                w[j] = (float) ((2 * r.uniform() - 1) * k);
            }
            for (int j = 0; j < out; j++) {
                b[j] = (float) ((2 * r.uniform() - 1) * k);
            }
            layers[l] = new double[][] {w, b};
        }
        return layers;
    }

    /** Per epoch, the shuffled sample indices cut into batches (the last may be short). */
    static int[][][] batchOrders(int n, int epochs, int batchSize, int seed) {
        Rng r = new Rng(seed);
        int[][][] out = new int[epochs][][];
        for (int e = 0; e < epochs; e++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = (int) Math.floor(r.uniform() * (i + 1));
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            int batches = (n + batchSize - 1) / batchSize;
            out[e] = new int[batches][];
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                out[e][b] = java.util.Arrays.copyOfRange(perm, from, Math.min(n, from + batchSize));
            }
        }
        return out;
    }
}
