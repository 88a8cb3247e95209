package org.nnplayground.tensor;

import java.util.function.Function;
import org.nnplayground.random.Generator;

/**
 * Compares the gradients backward() computes with central finite differences,
 * (f(x + h) − f(x − h)) / 2h, of the scalar L = Σ f(inputs) · W for a fixed random W.
 */
final class GradCheck {
    private static final double H = 1e-6;

    private GradCheck() {
    }

    static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].copy().requiresGrad(true);
        }
        Tensor out = f.apply(leaves);
        Tensor weights = Tensor.rand(new Generator(99), out.shape()).add(0.5);
        out.mul(weights).sum().backward();
        for (int i = 0; i < inputs.length; i++) {
            double[] values = inputs[i].storage();
            for (int k = 0; k < values.length; k++) {
                double saved = values[k];
                values[k] = saved + H;
                double plus = weighted(f, inputs, weights);
                values[k] = saved - H;
                double minus = weighted(f, inputs, weights);
                values[k] = saved;
                double numeric = (plus - minus) / (2 * H);
                double analytic = leaves[i].grad().get(k);
                double allowed = 1e-6 + 1e-5 * Math.abs(numeric);
                if (!(Math.abs(numeric - analytic) <= allowed)) {
                    throw new AssertionError(name + ": d/d input " + i + "[" + k + "] analytic " + analytic
                            + " vs finite difference " + numeric);
                }
            }
        }
    }

    private static double weighted(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            return f.apply(inputs).mul(weights).sum().item();
        }
    }
}
