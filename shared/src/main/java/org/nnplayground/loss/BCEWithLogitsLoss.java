package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/**
 * Binary cross-entropy on logits, max(z, 0) − z·t + log(1 + e^−|z|) per element, which never overflows;
 * like {@code torch.nn.BCEWithLogitsLoss}. Targets may be soft (any value in [0, 1]).
 * Gradient: σ(z) − t, divided by the element count for 'mean'.
 */
public final class BCEWithLogitsLoss extends Loss {
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        super("BCEWithLogitsLoss", reduction);
    }

    @Override
    public Tensor forward(Tensor logits, Tensor target) {
        if (!logits.sameShape(target)) {
            throw new IllegalArgumentException("BCEWithLogitsLoss expects logits and targets of the same shape, got "
                    + Arrays.toString(logits.shape()) + " and " + Arrays.toString(target.shape()));
        }
        double[] z = logits.storage();
        double[] t = target.storage();
        if (z.length == 0) {
            throw new IllegalArgumentException("BCEWithLogitsLoss of an empty batch");
        }
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double abs = z[i] < 0 ? -z[i] : z[i];
            // Compound term first: TeaVM's JavaScript drops parentheses of a same-precedence right operand.
            total = ((Math.max(z[i], 0.0) - z[i] * t[i]) + PortableMath.log1p(PortableMath.exp(-abs))) + total;
        }
        double divisor = reduction.divisor(z.length);
        return Tensor.derived(new double[] {total / divisor}, new int[0], g -> {
            double scale = g[0] / divisor;
            double[] gz = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                gz[i] = (Pointwise.sigmoidOf(z[i]) - t[i]) * scale;
            }
            logits.accumulateGrad(gz);
        }, logits);
    }
}
