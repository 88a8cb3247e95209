package org.nnplayground.loss;

import org.nnplayground.math.PortableMath;

/**
 * −log softmax(z)[target] per row of logits z [N, C], with integer class targets [N]; like
 * {@code torch.nn.CrossEntropyLoss}. The log-sum-exp subtracts each row's maximum first, so logits in the
 * thousands stay finite. With class weights w the row counts w[target]; with label smoothing ε the target is
 * (1 − ε) on its class plus ε/C spread over all C: the row's term is −Σ_c a_c·log softmax(z)_c with
 * a_c = (1 − ε)·w[target]·[c = target] + (ε/C)·w_c, and its gradient (Σ_c a_c)·softmax − a.
 */
public final class CrossEntropyLoss extends ClassLoss {
    private final double labelSmoothing;

    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, null, 0.0);
    }

    /** @param weight one weight per class, or null; @param labelSmoothing ε in [0, 1] */
    public CrossEntropyLoss(Reduction reduction, double[] weight, double labelSmoothing) {
        super("CrossEntropyLoss", reduction, weight);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
    }

    @Override
    protected String inputName() {
        return "logits";
    }

    @Override
    protected double row(double[] z, double[] grad, int base, int classes, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, z[base + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            grad[base + c] = PortableMath.exp(z[base + c] - max);
            sum += grad[base + c];
        }
        double logSum = PortableMath.log(sum);
        if (weight == null && labelSmoothing == 0) {
            // The course's plain case, kept as its own few operations: softmax − onehot.
            for (int c = 0; c < classes; c++) {
                grad[base + c] = grad[base + c] / sum - (c == label ? 1.0 : 0.0);
            }
            return logSum - (z[base + label] - max);
        }
        // −log softmax(z)_c = logSum − (z_c − max), the shifted logit taken first: TeaVM's JavaScript drops the
        // parentheses of a right operand of the same precedence (a − (b − c) becomes a − b + c), which rounds
        // differently.
        double spread = labelSmoothing / classes;
        double onTarget = (1.0 - labelSmoothing) * weightOf(label);
        double total = onTarget;
        double shiftedLabel = z[base + label] - max;
        double term = onTarget * (logSum - shiftedLabel);
        for (int c = 0; c < classes; c++) {
            double share = spread * weightOf(c);
            double shifted = z[base + c] - max;
            total += share;
            term += share * (logSum - shifted);
        }
        for (int c = 0; c < classes; c++) {
            double share = spread * weightOf(c) + (c == label ? onTarget : 0.0);
            // The quotient first: TeaVM's JavaScript would make total·(g/sum) into total·g/sum.
            grad[base + c] = grad[base + c] / sum * total - share;
        }
        return term;
    }
}
