package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Tensor;

/**
 * Adamax ({@code torch.optim.Adamax}; Kingma and Ba, 2015, section 7): Adam with the infinity norm in place of
 * the second moment:
 * <pre>
 * t = t + 1;  g = grad + weight_decay·p
 * m = β1·m + (1 − β1)·g;  u = max(β2·u, |g| + eps)
 * p = p − (lr / (1 − β1^t)) · m / u
 * </pre>
 * Defaults: lr 0.002, betas (0.9, 0.999), eps 1e-8, weight_decay 0.
 */
public final class Adamax extends Optimizer {
    private double beta1; // a schedule may change it (OneCycleLR)
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    /** Adamax's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options {
        private double lr = 2e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }
    }

    public Adamax(List<Tensor> params, Options options) {
        super("Adamax", params, options.lr);
        checkNonNegative(options.eps, "Invalid epsilon value");
        Betas.check(options.beta1, options.beta2);
        checkNonNegative(options.weightDecay, "Invalid weight_decay value");
        this.beta1 = options.beta1;
        this.beta2 = options.beta2;
        this.eps = options.eps;
        this.weightDecay = options.weightDecay;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        int t = state.advance();
        double[] m = state.buffer("exp_avg", p.length, 0);
        double[] u = state.buffer("exp_inf", p.length, 0);
        double clr = lr() / (1 - PortableMath.pow(beta1, t));
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            u[i] = Math.max(beta2 * u[i], Math.abs(g) + eps);
            p[i] -= clr * m[i] / u[i];
        }
    }

    @Override
    public boolean hasMomentum() {
        return true;
    }

    /** Sets β1, as OneCycleLR does with {@code betas[0]}. */
    @Override
    public void setMomentum(double value) {
        beta1 = value;
    }

    @Override
    protected void describe(Map<String, Double> into) {
        into.put("beta1", beta1);
        into.put("beta2", beta2);
        into.put("eps", eps);
        into.put("weight_decay", weightDecay);
    }
}
