package org.nnplayground.optim;

import java.util.List;
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
public final class Adamax extends AdamFamily {

    /** Adamax's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options extends AdamFamily.Options<Options> {
        public Options() {
            super(2e-3);
        }

        @Override
        protected Options self() {
            return this;
        }
    }

    public Adamax(List<Tensor> params, Options options) {
        super("Adamax", params, options);
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
}
