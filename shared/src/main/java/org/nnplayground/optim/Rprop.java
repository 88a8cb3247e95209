package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * Resilient backpropagation ({@code torch.optim.Rprop}; Riedmiller and Braun, 1993): each weight keeps its own
 * step size, which grows by η+ while its gradient keeps its sign and shrinks by η− when the sign flips; only the
 * gradient's sign moves the weight:
 * <pre>
 * s = sign(g·prev):  step = clamp(step·(η+ if s &gt; 0, η− if s &lt; 0, 1 if 0), step_min, step_max)
 * where s &lt; 0, g = 0 (the next step does not grow or shrink);  p = p − sign(g)·step;  prev = g
 * </pre>
 * The learning rate is every step size's start. Defaults: lr 0.01, etas (0.5, 1.2), step_sizes (1e-6, 50).
 */
public final class Rprop extends Optimizer {
    private final double etaMinus;
    private final double etaPlus;
    private final double stepMin;
    private final double stepMax;

    /** Rprop's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options {
        private double lr = 1e-2;
        private double etaMinus = 0.5;
        private double etaPlus = 1.2;
        private double stepMin = 1e-6;
        private double stepMax = 50;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options etas(double minus, double plus) {
            this.etaMinus = minus;
            this.etaPlus = plus;
            return this;
        }

        public Options stepSizes(double min, double max) {
            this.stepMin = min;
            this.stepMax = max;
            return this;
        }
    }

    public Rprop(List<Tensor> params, Options options) {
        super("Rprop", params, options.lr);
        if (!(0 < options.etaMinus && options.etaMinus < 1 && 1 < options.etaPlus)) {
            throw new IllegalArgumentException("Invalid eta values: " + options.etaMinus + ", " + options.etaPlus);
        }
        this.etaMinus = options.etaMinus;
        this.etaPlus = options.etaPlus;
        this.stepMin = options.stepMin;
        this.stepMax = options.stepMax;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        state.advance();
        double[] prev = state.buffer("prev", p.length, 0);
        double[] step = state.buffer("step_size", p.length, lr());
        for (int i = 0; i < p.length; i++) {
            double g = grad[i];
            double product = g * prev[i];
            double factor = product > 0 ? etaPlus : product < 0 ? etaMinus : 1.0;
            step[i] = Math.min(Math.max(step[i] * factor, stepMin), stepMax);
            if (factor == etaMinus) {
                g = 0;
            }
            p[i] += -Math.signum(g) * step[i];
            prev[i] = g;
        }
    }

    @Override
    protected void describe(Map<String, Double> into) {
        into.put("eta1", etaMinus);
        into.put("eta2", etaPlus);
        into.put("step_size1", stepMin);
        into.put("step_size2", stepMax);
    }
}
