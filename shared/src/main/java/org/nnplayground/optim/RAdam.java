package org.nnplayground.optim;

import java.util.List;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Tensor;

/**
 * Rectified Adam ({@code torch.optim.RAdam}; Liu et al., 2020): plain momentum steps while the second moment's
 * estimate is too young to trust (ρ_t ≤ 5), then Adam's step scaled by the variance rectification r_t:
 * <pre>
 * t = t + 1;  g = grad + weight_decay·p;  m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²
 * m̂ = m / (1 − β1^t);  ρ∞ = 2/(1 − β2) − 1;  ρ_t = ρ∞ − 2t·β2^t / (1 − β2^t)
 * ρ_t &gt; 5: r_t = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),  p = p − m̂·lr·(√(1 − β2^t) / (√v + eps))·r_t
 * else:     p = p − m̂·lr
 * </pre>
 * Defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8, weight_decay 0. No maximize in torch 1.13.
 */
public final class RAdam extends AdamFamily {

    /** RAdam's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options extends AdamFamily.Options<Options> {
        public Options() {
            super(1e-3);
        }

        @Override
        protected Options self() {
            return this;
        }
    }

    public RAdam(List<Tensor> params, Options options) {
        super("RAdam", params, options);
    }

    @Override
    protected boolean takesMaximize() {
        return false;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        int t = state.advance();
        double[] m = state.buffer("exp_avg", p.length, 0);
        double[] v = state.buffer("exp_avg_sq", p.length, 0);
        double bias1 = 1 - PortableMath.pow(beta1, t);
        double bias2 = 1 - PortableMath.pow(beta2, t);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2.0 * t * PortableMath.pow(beta2, t) / bias2;
        boolean rectified = rhoT > 5.0;
        double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        double bias2Sqrt = Math.sqrt(bias2);
        double lr = lr();
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double corrected = m[i] / bias1;
            if (rectified) {
                double adaptive = bias2Sqrt / (Math.sqrt(v[i]) + eps);
                p[i] += -(corrected * lr * adaptive * rect);
            } else {
                p[i] += -(corrected * lr);
            }
        }
    }
}
