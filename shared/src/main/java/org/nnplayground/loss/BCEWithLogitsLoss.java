package org.nnplayground.loss;

import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Shape;
import org.nnplayground.tensor.Tensor;

/**
 * Binary cross-entropy on logits, max(z, 0) − z·t + log(1 + e^−|z|) per element, which never overflows;
 * like {@code torch.nn.BCEWithLogitsLoss}. Targets may be soft (any value in [0, 1]).
 * Gradient: σ(z) − t, divided by the element count for 'mean'.
 */
public final class BCEWithLogitsLoss extends ElementwiseLoss {
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        super("BCEWithLogitsLoss", reduction, "logits and targets");
    }

    /** The terms summed over the rows by the tree, divided by {@code divisor} when {@code divide}. */
    @Override
    protected Tensor build(Tensor logits, Tensor target, double divisor, boolean divide) {
        double[] z = logits.storage();
        double[] t = target.storage();
        int width = z.length / rowsOf(logits);
        double total = RowBlocks.sum(rowsOf(logits), (from, to, into) -> {
            double sum = into[0];
            for (int i = from * width; i < to * width; i++) {
                double abs = z[i] < 0 ? -z[i] : z[i];
                // Compound term first: TeaVM's JavaScript drops parentheses of a same-precedence right operand.
                sum = ((Math.max(z[i], 0.0) - z[i] * t[i]) + PortableMath.log1p(PortableMath.exp(-abs))) + sum;
            }
            into[0] = sum;
        });
        return Tensor.derived(new double[] {divide ? total / divisor : total}, Shape.SCALAR, g -> {
            double scale = g[0] / divisor;
            double[] gz = logits.newArray(z.length);
            for (int i = 0; i < z.length; i++) {
                gz[i] = (Pointwise.sigmoidOf(z[i]) - t[i]) * scale;
            }
            logits.accumulateGrad(gz);
        }, logits);
    }
}
