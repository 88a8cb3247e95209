package org.nnplayground.loss;

/**
 * The negative log-likelihood of the target class, −w[target]·x[target] per row of log-probabilities x [N, C]
 * (a network ending in LogSoftmax); like {@code torch.nn.NLLLoss}. LogSoftmax then NLLLoss is CrossEntropyLoss.
 */
public final class NLLLoss extends ClassLoss {
    public NLLLoss() {
        this(Reduction.MEAN, null);
    }

    /** @param weight one weight per class, or null */
    public NLLLoss(Reduction reduction, double[] weight) {
        super("NLLLoss", reduction, weight);
    }

    @Override
    protected String inputName() {
        return "log-probabilities";
    }

    @Override
    protected double row(double[] x, double[] grad, int base, int classes, int label) {
        for (int c = 0; c < classes; c++) {
            grad[base + c] = 0.0;
        }
        double w = weightOf(label);
        grad[base + label] = -w;
        return -w * x[base + label];
    }
}
