package org.nnplayground.data;

import java.util.List;
import org.nnplayground.math.Trig;
import org.nnplayground.tensor.Tensor;

/**
 * TensorFlow Playground's input features: what the first layer sees, made from a point's two inputs x1 and x2.
 * Squares, the product and sines let a small network (even one with no hidden layer) draw curved boundaries.
 */
public final class InputFeatures {
    /** Every feature, in the order the first layer takes them. */
    public static final List<String> NAMES = List.of("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");
    /** The inputs as they are: no features asked for. */
    public static final List<String> IDENTITY = List.of("x1", "x2");

    private InputFeatures() {
    }

    /** The chosen features of each row of {@code inputs} ([n, 2]), as an [n, features.size()] tensor. */
    public static Tensor apply(List<String> features, Tensor inputs) {
        if (inputs.dim() != 2 || inputs.size(1) != 2) {
            throw new IllegalArgumentException("input features are made from two inputs per point, got shape "
                    + java.util.Arrays.toString(inputs.shape()));
        }
        int n = inputs.size(0);
        int k = features.size();
        double[] x = inputs.toArray();
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            double x1 = x[2 * i];
            double x2 = x[2 * i + 1];
            for (int f = 0; f < k; f++) {
                out[i * k + f] = feature(features.get(f), x1, x2);
            }
        }
        return Tensor.of(out, n, k);
    }

    private static double feature(String name, double x1, double x2) {
        switch (name) {
            case "x1":
                return x1;
            case "x2":
                return x2;
            case "x1^2":
                return x1 * x1;
            case "x2^2":
                return x2 * x2;
            case "x1*x2":
                return x1 * x2;
            case "sin(x1)":
                return Trig.sin(x1);
            case "sin(x2)":
                return Trig.sin(x2);
            default:
                throw new IllegalArgumentException("unknown input feature \"" + name + "\"; choose from " + NAMES);
        }
    }
}
