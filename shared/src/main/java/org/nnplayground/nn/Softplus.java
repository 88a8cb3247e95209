package org.nnplayground.nn;

import org.nnplayground.io.PythonText;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** log(1 + e^(βx))/β, linear once βx > threshold; like {@code torch.nn.Softplus} (β = 1, threshold = 20). */
public final class Softplus extends Module {
    private final double beta;
    private final double threshold;

    public Softplus() {
        this(1, 20);
    }

    public Softplus(double beta, double threshold) {
        super("Softplus");
        if (!(beta != 0 && Double.isFinite(beta)) || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("Softplus needs a finite non-zero beta and a threshold, got beta="
                    + beta + ", threshold=" + threshold);
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    public double beta() {
        return beta;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.softplus(input, beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + PythonText.number(beta) + ", threshold=" + PythonText.number(threshold);
    }
}
