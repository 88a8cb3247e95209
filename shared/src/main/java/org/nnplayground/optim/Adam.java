package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.Tensor;

/**
 * Adam ({@code torch.optim.Adam}; Kingma and Ba, 2015), with AMSGrad (Reddi et al., 2018) as an option
 * and L2 weight decay added to the gradient:
 * <pre>
 * t = t + 1;  g = grad + weight_decay·p
 * m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;  (amsgrad: v̂ = max(v̂, v), used instead of v)
 * p = p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + eps)
 * </pre>
 * Defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false. As in PyTorch, eps is
 * added after the bias correction of √v, not before as in the paper. {@link AdamW} decouples the decay.
 */
public class Adam extends AdamFamily {
    private final boolean amsgrad;

    /** Adam's keyword arguments, at PyTorch's defaults until set ({@link AdamW.Options}: AdamW's). */
    public static class Options extends AdamFamily.Options<Options> {
        private boolean amsgrad;

        public Options() {
            super(1e-3);
        }

        @Override
        protected Options self() {
            return this;
        }

        public Options amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }
    }

    public Adam(List<Tensor> params) {
        this(params, new Options());
    }

    /**
     * {@code torch.optim.Adam(params, lr=0.01, betas=(0.9, 0.99))} is
     * {@code new Adam(params, new Adam.Options().lr(0.01).betas(0.9, 0.99))}.
     */
    public Adam(List<Tensor> params, Options options) {
        this("Adam", params, options);
    }

    Adam(String typeName, List<Tensor> params, Options options) {
        super(typeName, params, options);
        this.amsgrad = options.amsgrad;
    }

    /** The coupled L2 term added to the gradient; AdamW adds none. */
    double gradientDecay() {
        return weightDecay;
    }

    /** Hook before the moment update; AdamW shrinks the weights here. */
    void decayWeights(double[] p) {
    }

    @Override
    protected final void update(double[] p, double[] grad, ParamState state) {
        int t = state.advance();
        double[] m = state.buffer("exp_avg", p.length, 0);
        double[] v = state.buffer("exp_avg_sq", p.length, 0);
        double[] vMax = amsgrad ? state.buffer("max_exp_avg_sq", p.length, 0) : null;
        decayWeights(p);
        double decay = gradientDecay();
        double bias1 = 1 - PortableMath.pow(beta1, t);
        double bias2Sqrt = Math.sqrt(1 - PortableMath.pow(beta2, t));
        double stepSize = lr() / bias1;
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + decay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double second = v[i];
            if (vMax != null) {
                vMax[i] = Math.max(vMax[i], v[i]);
                second = vMax[i];
            }
            double denom = Math.sqrt(second) / bias2Sqrt + eps;
            p[i] -= stepSize * m[i] / denom;
        }
    }

    @Override
    protected void describeOwn(Map<String, Double> into) {
        into.put("amsgrad", amsgrad ? 1.0 : 0.0);
    }

    double weightDecay() {
        return weightDecay;
    }
}
