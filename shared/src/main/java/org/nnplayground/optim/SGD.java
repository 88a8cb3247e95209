package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay
 * ({@code torch.optim.SGD}; Sutskever et al., 2013, for momentum as PyTorch applies it):
 * <pre>
 * g = grad + weight_decay·p
 * if momentum ≠ 0: buf = g on the first step, else buf = momentum·buf + (1 − dampening)·g
 *                  g = g + momentum·buf (nesterov) or g = buf
 * p = p − lr·g
 * </pre>
 * The learning rate has no default, as in PyTorch; the others default to 0 and false.
 */
public final class SGD extends Optimizer {
    private double momentum; // a schedule may change it (OneCycleLR)
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    /** SGD's keyword arguments but the learning rate, at PyTorch's defaults until set. */
    public static final class Options {
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;

        public Options momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Options dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }
    }

    /** {@code torch.optim.SGD(params, lr=lr)}. */
    public SGD(List<Tensor> params, double lr) {
        this(params, lr, new Options());
    }

    /**
     * {@code torch.optim.SGD(params, lr=lr, momentum=0.8)} is
     * {@code new SGD(params, lr, new SGD.Options().momentum(0.8))}.
     */
    public SGD(List<Tensor> params, double lr, Options options) {
        super("SGD", params, lr);
        double momentum = options.momentum;
        double dampening = options.dampening;
        double weightDecay = options.weightDecay;
        boolean nesterov = options.nesterov;
        checkNonNegative(momentum, "Invalid momentum value");
        checkNonNegative(weightDecay, "Invalid weight_decay value");
        if (Double.isNaN(dampening)) {
            throw new IllegalArgumentException("Invalid dampening value: nan");
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        double lr = lr();
        boolean first = state.buffer("momentum_buffer") == null;
        double[] buf = momentum != 0 ? state.buffer("momentum_buffer", p.length, 0) : null;
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            if (buf != null) {
                buf[i] = first ? g : momentum * buf[i] + (1 - dampening) * g;
                g = nesterov ? g + momentum * buf[i] : buf[i];
            }
            p[i] -= lr * g;
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
        into.put("momentum", momentum);
        into.put("dampening", dampening);
        into.put("weight_decay", weightDecay);
        into.put("nesterov", nesterov ? 1.0 : 0.0);
    }
}
