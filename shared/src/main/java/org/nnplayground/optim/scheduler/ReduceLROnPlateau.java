package org.nnplayground.optim.scheduler;

import org.nnplayground.optim.Optimizer;

/**
 * Lowers the rate by {@code factor} when a watched number (the loss) has not improved for more than
 * {@code patience} epochs, then waits {@code cooldown} epochs; like {@code torch.optim.lr_scheduler.
 * ReduceLROnPlateau}: improvement is by more than {@code threshold} (relative or absolute), the rate never goes
 * below {@code min_lr}, and a change smaller than {@code eps} is not made.
 */
public final class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private final boolean minimize;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final boolean relative;
    private final int cooldown;
    private final double minLr;
    private final double eps;
    private double best;
    private int badEpochs;
    private int cooldownCounter;

    /** ReduceLROnPlateau's keyword arguments, at PyTorch's defaults until set. */
    public static final class Options {
        private boolean minimize = true;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private boolean relative = true;
        private int cooldown;
        private double minLr;
        private double eps = 1e-8;

        /** "min" or "max". */
        public Options mode(String value) {
            if (!value.equals("min") && !value.equals("max")) {
                throw new IllegalArgumentException("mode " + value + " is unknown!");
            }
            minimize = value.equals("min");
            return this;
        }

        public Options factor(double value) {
            factor = value;
            return this;
        }

        public Options patience(int value) {
            patience = value;
            return this;
        }

        public Options threshold(double value) {
            threshold = value;
            return this;
        }

        /** "rel" or "abs". */
        public Options thresholdMode(String value) {
            if (!value.equals("rel") && !value.equals("abs")) {
                throw new IllegalArgumentException("threshold mode " + value + " is unknown!");
            }
            relative = value.equals("rel");
            return this;
        }

        public Options cooldown(int value) {
            cooldown = value;
            return this;
        }

        public Options minLr(double value) {
            minLr = value;
            return this;
        }

        public Options eps(double value) {
            eps = value;
            return this;
        }
    }

    public ReduceLROnPlateau(Optimizer optimizer, Options o) {
        if (!(o.factor < 1.0)) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        this.optimizer = optimizer;
        this.minimize = o.minimize;
        this.factor = o.factor;
        this.patience = o.patience;
        this.threshold = o.threshold;
        this.relative = o.relative;
        this.cooldown = o.cooldown;
        this.minLr = o.minLr;
        this.eps = o.eps;
        this.best = minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** One epoch's watched number: counts it as better or not, and lowers the rate when patience runs out. */
    public void step(double metric) {
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0; // bad epochs in cooldown do not count
        }
        if (badEpochs > patience) {
            double old = optimizer.lr();
            double lowered = Math.max(old * factor, minLr);
            if (old - lowered > eps) {
                optimizer.setLr(lowered);
            }
            cooldownCounter = cooldown;
            badEpochs = 0;
        }
    }

    private boolean isBetter(double a) {
        if (minimize) {
            return relative ? a < best * (1. - threshold) : a < best - threshold;
        }
        return relative ? a > best * (threshold + 1.) : a > best + threshold;
    }
}
