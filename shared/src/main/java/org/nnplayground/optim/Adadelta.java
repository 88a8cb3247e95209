package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * Adadelta ({@code torch.optim.Adadelta}; Zeiler, 2012): steps scaled by the ratio of running RMS of past
 * updates and of gradients, so no learning rate is needed (PyTorch's lr, default 1.0, scales the step):
 * <pre>
 * g = grad + weight_decay·p
 * s = ρ·s + (1 − ρ)·g²;  Δ = √(a + eps) / √(s + eps) · g;  a = ρ·a + (1 − ρ)·Δ²
 * p = p − lr·Δ
 * </pre>
 * Defaults: lr 1.0, rho 0.9, eps 1e-6, weight_decay 0.
 */
public final class Adadelta extends Optimizer {
    private final double rho;
    private final double eps;
    private final double weightDecay;

    /** Adadelta's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options {
        private double lr = 1.0;
        private double rho = 0.9;
        private double eps = 1e-6;
        private double weightDecay;

        public Options lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Options rho(double rho) {
            this.rho = rho;
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
    }

    public Adadelta(List<Tensor> params, Options options) {
        super("Adadelta", params, options.lr);
        if (!(options.rho >= 0 && options.rho <= 1)) {
            throw new IllegalArgumentException("Invalid rho value: " + options.rho);
        }
        checkNonNegative(options.eps, "Invalid epsilon value");
        checkNonNegative(options.weightDecay, "Invalid weight_decay value");
        this.rho = options.rho;
        this.eps = options.eps;
        this.weightDecay = options.weightDecay;
    }

    @Override
    protected void update(double[] p, double[] grad, ParamState state) {
        state.advance();
        double[] square = state.buffer("square_avg", p.length, 0);
        double[] accumulated = state.buffer("acc_delta", p.length, 0);
        double lr = lr();
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] + weightDecay * p[i];
            square[i] = rho * square[i] + (1 - rho) * g * g;
            double std = Math.sqrt(square[i] + eps);
            double delta = Math.sqrt(accumulated[i] + eps) / std * g;
            accumulated[i] = rho * accumulated[i] + (1 - rho) * delta * delta;
            p[i] += -lr * delta;
        }
    }

    @Override
    protected void describe(Map<String, Double> into) {
        into.put("rho", rho);
        into.put("eps", eps);
        into.put("weight_decay", weightDecay);
    }
}
