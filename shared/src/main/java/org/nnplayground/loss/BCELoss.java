package org.nnplayground.loss;

import org.nnplayground.math.Float32;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities, −(t·log x + (1 − t)·log(1 − x)) per element with each log kept at or
 * above −100 (so x = 0 or 1 gives a large, finite loss); like {@code torch.nn.BCELoss}. The network must end in
 * a Sigmoid; BCEWithLogitsLoss, which takes the logits, is the stabler choice. Slope: (x − t) / max(x(1 − x), ε).
 */
public final class BCELoss extends ElementwiseLoss {
    /** PyTorch's floor under x(1 − x) in the slope: 1e-12 as a float32 constant, as torch declares it. */
    private static final double EPSILON = Float32.round(1e-12);

    public BCELoss() {
        this(Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        super("BCELoss", reduction, "input and target");
    }

    @Override
    protected void checkValues(Tensor input, Tensor target) {
        for (double x : input.storage()) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("BCELoss: all elements of input should be between 0 and 1, got " + x
                        + " (end the network in a Sigmoid, or use BCEWithLogitsLoss)");
            }
        }
        for (double t : target.storage()) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("BCELoss: all elements of target should be between 0 and 1, got " + t);
            }
        }
    }

    @Override
    protected double term(double x, double t, int column) {
        double logX = Math.max(PortableMath.log(x), -100.0);
        double logNotX = Math.max(PortableMath.log1p(-x), -100.0);
        return (t - 1.0) * logNotX - t * logX;
    }

    @Override
    protected double slope(double x, double t, int column) {
        return (x - t) / Math.max((1.0 - x) * x, EPSILON);
    }
}
