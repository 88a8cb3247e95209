package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/**
 * What Adam, AdamW, NAdam, RAdam and Adamax share: PyTorch's betas, eps and weight_decay, checked with PyTorch's
 * messages, and β1 as the momentum a schedule may cycle (OneCycleLR sets {@code betas[0]}).
 */
public abstract class AdamFamily extends Optimizer {
    protected double beta1; // a schedule may change it (OneCycleLR)
    protected final double beta2;
    protected final double eps;
    protected final double weightDecay;

    /** The shared keyword arguments, at PyTorch's defaults until set; {@code T} is the optimizer's own Options. */
    public abstract static class Options<T extends Options<T>> {
        double lr;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        double weightDecay;

        protected Options(double lr) {
            this.lr = lr;
        }

        protected abstract T self();

        public T lr(double lr) {
            this.lr = lr;
            return self();
        }

        public T betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return self();
        }

        public T eps(double eps) {
            this.eps = eps;
            return self();
        }

        public T weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return self();
        }
    }

    protected AdamFamily(String typeName, List<Tensor> params, Options<?> options) {
        super(typeName, params, options.lr);
        checkNonNegative(options.eps, "Invalid epsilon value");
        checkBeta(options.beta1, 0);
        checkBeta(options.beta2, 1);
        checkNonNegative(options.weightDecay, "Invalid weight_decay value");
        this.beta1 = options.beta1;
        this.beta2 = options.beta2;
        this.eps = options.eps;
        this.weightDecay = options.weightDecay;
    }

    private static void checkBeta(double beta, int index) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + PythonText.repr(beta));
        }
    }

    @Override
    public final boolean hasMomentum() {
        return true;
    }

    /** Sets β1, as OneCycleLR does with {@code betas[0]}. */
    @Override
    public final void setMomentum(double value) {
        beta1 = value;
    }

    /** beta1, beta2, eps, weight_decay, then the optimizer's own (amsgrad, momentum_decay), in PyTorch's order. */
    @Override
    protected final void describe(Map<String, Double> into) {
        into.put("beta1", beta1);
        into.put("beta2", beta2);
        into.put("eps", eps);
        into.put("weight_decay", weightDecay);
        describeOwn(into);
    }

    /** The optimizer's hyperparameters beyond the shared ones. */
    protected void describeOwn(Map<String, Double> into) {
    }
}
