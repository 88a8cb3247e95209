package org.nnplayground.data;

import org.nnplayground.tensor.Tensor;

/**
 * Scales each input column to mean 0 and standard deviation 1 with statistics fitted on the training part
 * (population standard deviation, as {@code x.std(0, unbiased=False)}); a constant column is only centred.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Statistics of the rows of a [n, features] tensor. */
    public static Standardizer fit(Tensor x) {
        int n = x.size(0);
        int f = x.size(1);
        double[] v = x.toArray();
        double[] mean = new double[f];
        double[] std = new double[f];
        for (int j = 0; j < f; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[i * f + j];
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = v[i * f + j] - mean[j];
                squares += d * d;
            }
            double s = Math.sqrt(squares / n);
            std[j] = s > 0 ? s : 1;
        }
        return new Standardizer(mean, std);
    }

    public Tensor apply(Tensor x) {
        int f = mean.length;
        double[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - mean[i % f]) / std[i % f];
        }
        return Tensor.of(v, x.shape());
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }
}
