package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * Adagrad ({@code torch.optim.Adagrad}; Duchi, Hazan and Singer, 2011): per-element steps shrink with the
 * sum of squared gradients.
 * <pre>
 * t = t + 1;  g = grad + weight_decay·p;  clr = lr / (1 + (t − 1)·lr_decay)
 * sum = sum + g²   (sum starts at initial_accumulator_value)
 * p = p − clr·g / (√sum + eps)
 * </pre>
 * Defaults: lr 0.01, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
 */
public final class Adagrad extends Optimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulatorValue;
    private final double eps;

    /** Adagrad's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options {
        private double lr = 1e-2;
        private double lrDecay;
        private double weightDecay;
        private double initialAccumulatorValue;
        private double eps = 1e-10;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options lrDecay(double lrDecay) {
            this.lrDecay = lrDecay;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options initialAccumulatorValue(double initialAccumulatorValue) {
            this.initialAccumulatorValue = initialAccumulatorValue;
            return this;
        }

        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }
    }

    public Adagrad(List<Tensor> params) {
        this(params, new Options());
    }

    public Adagrad(List<Tensor> params, Options options) {
        super("Adagrad", params, options.lr);
        double lrDecay = options.lrDecay;
        double weightDecay = options.weightDecay;
        double initialAccumulatorValue = options.initialAccumulatorValue;
        double eps = options.eps;
        checkNonNegative(lrDecay, "Invalid lr_decay value");
        checkNonNegative(weightDecay, "Invalid weight_decay value");
        checkNonNegative(initialAccumulatorValue, "Invalid initial_accumulator_value value");
        checkNonNegative(eps, "Invalid epsilon value");
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.eps = eps;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        double[] sum = state.buffer("sum", p.length, initialAccumulatorValue);
        int t = state.advance();
        double clr = lr() / (1 + (t - 1) * lrDecay);
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            sum[i] += g * g;
            p[i] -= clr * g / (Math.sqrt(sum[i]) + eps);
        }
    }

    @Override
    protected void describe(Map<String, Double> into) {
        into.put("lr_decay", lrDecay);
        into.put("weight_decay", weightDecay);
        into.put("initial_accumulator_value", initialAccumulatorValue);
        into.put("eps", eps);
    }
}
