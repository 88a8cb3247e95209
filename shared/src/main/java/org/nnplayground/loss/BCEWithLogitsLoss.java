package org.nnplayground.loss;

import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/**
 * Binary cross-entropy on logits, max(z, 0) − z·t + log(1 + e^−|z|) per element, which never overflows;
 * like {@code torch.nn.BCEWithLogitsLoss}. Targets may be soft (any value in [0, 1]). With {@code pos_weight}
 * p (one per output column) the positive part counts p times: (1 − t)·z + (1 + (p − 1)·t)·softplus(−z).
 * Slope: σ(z) − t, or (1 + (p − 1)·t)·σ(z) − p·t.
 */
public final class BCEWithLogitsLoss extends ElementwiseLoss {
    private final double[] posWeight;

    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this(reduction, null);
    }

    /** @param posWeight one weight per output column (or one for all), null for none */
    public BCEWithLogitsLoss(Reduction reduction, double[] posWeight) {
        super("BCEWithLogitsLoss", reduction, "logits and targets");
        this.posWeight = posWeight == null ? null : posWeight.clone();
    }

    @Override
    protected void checkValues(Tensor logits, Tensor target) {
        int width = logits.numel() / rowsOf(logits);
        if (posWeight != null && posWeight.length != 1 && posWeight.length != width) {
            throw new IllegalArgumentException("BCEWithLogitsLoss: pos_weight has " + posWeight.length
                    + " values for " + width + " outputs per row (give one per output, or one)");
        }
    }

    @Override
    protected double term(double z, double t, int column) {
        double abs = z < 0 ? -z : z;
        if (posWeight == null) {
            // Compound term first: TeaVM's JavaScript drops parentheses of a same-precedence right operand.
            return (Math.max(z, 0.0) - z * t) + PortableMath.log1p(PortableMath.exp(-abs));
        }
        double softplusOfMinusZ = PortableMath.log1p(PortableMath.exp(-abs)) + Math.max(-z, 0.0);
        return (1.0 - t) * z + (1.0 + (weightOf(column) - 1.0) * t) * softplusOfMinusZ;
    }

    @Override
    protected double slope(double z, double t, int column) {
        if (posWeight == null) {
            return Pointwise.sigmoidOf(z) - t;
        }
        double pt = weightOf(column) * t;
        return (pt + 1.0 - t) * Pointwise.sigmoidOf(z) - pt;
    }

    private double weightOf(int column) {
        return posWeight.length == 1 ? posWeight[0] : posWeight[column];
    }
}
