package org.nnplayground.optim;

import java.util.List;
import org.nnplayground.tensor.Tensor;

/**
 * AdamW ({@code torch.optim.AdamW}; Loshchilov and Hutter, 2019): Adam with decoupled weight decay,
 * p = p·(1 − lr·weight_decay) before the moment update, and no decay term in the gradient.
 * Defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8, <b>weight_decay 0.01</b>, amsgrad false.
 */
public final class AdamW extends Adam {
    public AdamW(List<Tensor> params) {
        this(params, 1e-3, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    public AdamW(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        super("AdamW", params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    @Override
    double gradientDecay() {
        return 0;
    }

    @Override
    void decayWeights(double[] p) {
        double factor = 1 - lr() * weightDecay();
        for (int i = 0; i < p.length; i++) {
            p[i] *= factor;
        }
    }
}
