package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * RMSprop ({@code torch.optim.RMSprop}; Hinton, Lecture 6e of "Neural Networks for Machine Learning"),
 * optionally centered (Graves, 2013) and with momentum:
 * <pre>
 * g = grad + weight_decay·p;  sq = α·sq + (1 − α)·g²
 * avg = √(sq − ga²) + eps with ga = α·ga + (1 − α)·g (centered), else √sq + eps
 * momentum > 0: buf = momentum·buf + g/avg; p = p − lr·buf      else: p = p − lr·g/avg
 * </pre>
 * Defaults: lr 0.01, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered false.
 * eps is added outside the square root, as in PyTorch (TensorFlow adds it inside).
 */
public final class RMSprop extends Optimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private double momentum; // a schedule may change it (OneCycleLR)
    private final boolean centered;

    /** RMSprop's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options {
        private double lr = 1e-2;
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentum;
        private boolean centered;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options alpha(double alpha) {
            this.alpha = alpha;
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

        public Options momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Options centered(boolean centered) {
            this.centered = centered;
            return this;
        }
    }

    public RMSprop(List<Tensor> params) {
        this(params, new Options());
    }

    /**
     * {@code torch.optim.RMSprop(params, lr=0.01, alpha=0.9)} is
     * {@code new RMSprop(params, new RMSprop.Options().lr(0.01).alpha(0.9))}.
     */
    public RMSprop(List<Tensor> params, Options options) {
        super("RMSprop", params, options.lr);
        double alpha = options.alpha;
        double eps = options.eps;
        double weightDecay = options.weightDecay;
        double momentum = options.momentum;
        boolean centered = options.centered;
        checkNonNegative(eps, "Invalid epsilon value");
        checkNonNegative(momentum, "Invalid momentum value");
        checkNonNegative(weightDecay, "Invalid weight_decay value");
        checkNonNegative(alpha, "Invalid alpha value");
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        state.advance();
        double[] squareAvg = state.buffer("square_avg", p.length, 0);
        double[] buf = momentum > 0 ? state.buffer("momentum_buffer", p.length, 0) : null;
        double[] gradAvg = centered ? state.buffer("grad_avg", p.length, 0) : null;
        double lr = lr();
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            squareAvg[i] = alpha * squareAvg[i] + (1 - alpha) * g * g;
            double avg;
            if (gradAvg != null) {
                gradAvg[i] = alpha * gradAvg[i] + (1 - alpha) * g;
                avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
            } else {
                avg = Math.sqrt(squareAvg[i]) + eps;
            }
            if (buf != null) {
                buf[i] = momentum * buf[i] + g / avg;
                p[i] -= lr * buf[i];
            } else {
                p[i] -= lr * g / avg;
            }
        }
    }

    @Override
    public boolean hasMomentum() {
        return true;
    }

    /** Sets the momentum, as OneCycleLR does. */
    @Override
    public void setMomentum(double value) {
        momentum = value;
    }

    @Override
    protected void describe(Map<String, Double> into) {
        into.put("alpha", alpha);
        into.put("eps", eps);
        into.put("weight_decay", weightDecay);
        into.put("momentum", momentum);
        into.put("centered", centered ? 1.0 : 0.0);
    }
}
