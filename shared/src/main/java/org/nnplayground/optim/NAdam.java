package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.math.Float32;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Tensor;

/**
 * Adam with Nesterov momentum ({@code torch.optim.NAdam}; Dozat, 2016), with the momentum schedule
 * μ_t = β1·(1 − 0.5·0.96^(t·ψ)), ψ the momentum decay:
 * <pre>
 * t = t + 1;  g = grad + weight_decay·p;  Π = Π·μ_t (the product of the μ so far)
 * m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;  d = √(v / (1 − β2^t)) + eps
 * p = p − lr·(1 − μ_t)/(1 − Π) · g/d − lr·μ_{t+1}/(1 − Π') · m/d
 * </pre>
 * Exactly as torch 1.13 computes it: Π is a float32 number there (whatever the parameters' type), and
 * Π' = Π·μ_t·μ_{t+1} counts μ_t twice (later PyTorch versions use Π·μ_{t+1}). Defaults: lr 0.002, betas
 * (0.9, 0.999), eps 1e-8, weight_decay 0, momentum_decay 0.004. No maximize in torch 1.13.
 */
public final class NAdam extends AdamFamily {
    private final double momentumDecay;

    /** NAdam's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options extends AdamFamily.Options<Options> {
        private double momentumDecay = 4e-3;

        public Options() {
            super(2e-3);
        }

        @Override
        protected Options self() {
            return this;
        }

        public Options momentumDecay(double momentumDecay) {
            this.momentumDecay = momentumDecay;
            return this;
        }
    }

    public NAdam(List<Tensor> params, Options options) {
        super("NAdam", params, options);
        checkNonNegative(options.momentumDecay, "Invalid momentum_decay value");
        this.momentumDecay = options.momentumDecay;
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
        double[] product = state.buffer("mu_product", 1, 1.0);
        double bias2 = 1 - PortableMath.pow(beta2, t);
        double mu = beta1 * (1.0 - 0.5 * PortableMath.pow(0.96, t * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * PortableMath.pow(0.96, (t + 1) * momentumDecay));
        // float32 arithmetic, as on torch's float32 mu_product tensor: each factor and each product rounded.
        product[0] = Float32.round(product[0] * Float32.round(mu));
        double productNext = Float32.round(Float32.round(product[0] * Float32.round(mu)) * Float32.round(muNext));
        double lr = lr();
        double gradStep = -lr * (1.0 - mu) / (1.0 - product[0]);
        double momentumStep = -lr * muNext / (1.0 - productNext);
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double denom = Math.sqrt(v[i] / bias2) + eps;
            p[i] += gradStep * g / denom;
            p[i] += momentumStep * m[i] / denom;
        }
    }

    @Override
    protected void describeOwn(Map<String, Double> into) {
        into.put("momentum_decay", momentumDecay);
    }
}
