package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

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
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("beta", beta);
        args.put("threshold", threshold);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "beta=" + PythonText.number(beta) + ", threshold=" + PythonText.number(threshold);
    }
}
