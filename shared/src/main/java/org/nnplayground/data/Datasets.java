package org.nnplayground.data;

import org.nnplayground.math.Trig;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/**
 * The synthetic datasets: the course's three (a noisy parabola, two Gaussian clusters, the line y = 2x)
 * and the classic playground shapes (circle, xor, spiral, two moons, a sine wave). Each takes its size,
 * noise and a generator, so a seed fixes it. Class labels are whole numbers in a [N] tensor.
 */
public final class Datasets {
    /** 1.75 turns, in radians. */
    private static final double SPIRAL_TURNS = 3.5 * Math.PI;

    private Datasets() {
    }

    private static void requirePositive(int n, String what) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + n);
        }
    }

    private static void requireNoise(double noise) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
    }

    /** Chapter 1: x = linspace(−1, 1, n) as [n, 1], y = x² + noise·U(0, 1) (the course uses noise 0.2). */
    public static TensorDataset parabola(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        Tensor x = Tensor.linspace(-1, 1, n).unsqueeze(1);
        Tensor y = x.pow(2).add(Tensor.rand(generator, n, 1).mul(noise));
        return new TensorDataset(x, y);
    }

    /** Chapter 6: x = linspace(−1, 1, n) as [n, 1], y = x² + noise·N(0, 1) (the course uses 1,000 points, 0.1). */
    public static TensorDataset parabolaGaussian(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        Tensor x = Tensor.linspace(-1, 1, n).unsqueeze(1);
        Tensor y = x.pow(2).add(Tensor.normal(Tensor.zeros(n, 1), 1.0, generator).mul(noise));
        return new TensorDataset(x, y);
    }

    /**
     * Chapter 2: {@code perClass} points ~ N((2, 2), std²) labelled 0, then as many ~ N((−2, −2), std²)
     * labelled 1 (the course uses 100 per class, std 1).
     */
    public static TensorDataset clusters(int perClass, double std, Generator generator) {
        requirePositive(perClass, "points per class");
        requireNoise(std);
        Tensor x0 = Tensor.normal(Tensor.full(2, perClass, 2), std, generator);
        Tensor x1 = Tensor.normal(Tensor.full(-2, perClass, 2), std, generator);
        Tensor y = Tensor.cat(0, Tensor.zeros(perClass), Tensor.ones(perClass));
        return new TensorDataset(Tensor.cat(0, x0, x1), y);
    }

    /** Chapter 5: the three points (1, 2), (2, 4), (3, 6) of y = 2x. */
    public static TensorDataset line() {
        return new TensorDataset(Tensor.of(new double[] {1, 2, 3}, 3, 1), Tensor.of(new double[] {2, 4, 6}, 3, 1));
    }

    /** A disc of class 0 (radius < 0.5) inside a ring of class 1 (radius 0.7–1), points jittered by noise. */
    public static TensorDataset circle(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int label = i < n / 2 ? 0 : 1;
            double radius = label == 0 ? 0.5 * generator.uniform() : generator.uniform(0.7, 1.0);
            double[] direction = unitVector(generator);
            x[2 * i] = radius * direction[0] + noise * generator.normal();
            x[2 * i + 1] = radius * direction[1] + noise * generator.normal();
            y[i] = label;
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    /** A uniformly random direction, from a normalised Gaussian pair (no trigonometry needed). */
    private static double[] unitVector(Generator generator) {
        double a;
        double b;
        double length;
        do {
            a = generator.normal();
            b = generator.normal();
            length = Math.sqrt(a * a + b * b);
        } while (length < 1e-12);
        return new double[] {a / length, b / length};
    }

    /** Points uniform in [−1, 1]², class 1 where x1·x2 < 0 (the xor quadrants), jittered by noise. */
    public static TensorDataset xor(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = generator.uniform(-1, 1);
            double b = generator.uniform(-1, 1);
            y[i] = a * b < 0 ? 1 : 0;
            x[2 * i] = a + noise * generator.normal();
            x[2 * i + 1] = b + noise * generator.normal();
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    /** Two interleaved spiral arms, one per class, each turning 1.75 times; jittered by noise. */
    public static TensorDataset spiral(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        int half = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            int label = i < half ? 0 : 1;
            int k = label == 0 ? i : i - half;
            int count = label == 0 ? half : n - half;
            double t = count == 1 ? 0 : (double) k / (count - 1);
            double radius = t * 0.9 + 0.1;
            double angle = t * SPIRAL_TURNS + label * Math.PI;
            x[2 * i] = radius * Trig.cos(angle) + noise * generator.normal();
            x[2 * i + 1] = radius * Trig.sin(angle) + noise * generator.normal();
            y[i] = label;
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    /** Two interleaving half circles (scikit-learn's make_moons layout), jittered by noise. */
    public static TensorDataset moons(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        int half = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            int label = i < half ? 0 : 1;
            double t = Math.PI * generator.uniform();
            double a = label == 0 ? Trig.cos(t) : 1 - Trig.cos(t);
            double b = label == 0 ? Trig.sin(t) : 0.5 - Trig.sin(t);
            x[2 * i] = a + noise * generator.normal();
            x[2 * i + 1] = b + noise * generator.normal();
            y[i] = label;
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    /** y = sin(x) + noise·N(0, 1) on x = linspace(−π, π, n), as [n, 1] pairs. */
    public static TensorDataset sine(int n, double noise, Generator generator) {
        requirePositive(n, "n");
        requireNoise(noise);
        Tensor x = Tensor.linspace(-Math.PI, Math.PI, n).unsqueeze(1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Trig.sin(x.get(i)) + noise * generator.normal();
        }
        return new TensorDataset(x, Tensor.of(y, n, 1));
    }
}
