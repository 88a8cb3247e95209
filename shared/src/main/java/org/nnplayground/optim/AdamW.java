package org.nnplayground.optim;

import java.util.List;
import org.nnplayground.tensor.Tensor;

/**
 * AdamW ({@code torch.optim.AdamW}; Loshchilov and Hutter, 2019): Adam with decoupled weight decay,
 * p = p·(1 − lr·weight_decay) before the moment update, and no decay term in the gradient.
 * Defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8, <b>weight_decay 0.01</b>, amsgrad false.
 */
public final class AdamW extends Adam {
    /** AdamW's keyword arguments, at PyTorch's defaults (weight_decay 0.01) until set. */
    public static final class Options extends Adam.Options {
        public Options() {
            weightDecay(1e-2);
        }
    }

    public AdamW(List<Tensor> params) {
        this(params, new Options());
    }

    /** Takes {@code new AdamW.Options()}, which starts from AdamW's defaults; Adam's would mean no decay. */
    public AdamW(List<Tensor> params, Adam.Options options) {
        super("AdamW", params, options);
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
