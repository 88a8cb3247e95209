package org.nnplayground.optim.scheduler;

import org.nnplayground.math.Trig;
import org.nnplayground.optim.Optimizer;

/**
 * The 1cycle policy (Smith and Topin, 2017), stepped once per update: the rate climbs from max_lr/div_factor
 * to max_lr over the first {@code pct_start} of {@code total_steps}, then anneals to that start over
 * final_div_factor; the momentum (SGD's and RMSprop's momentum, or β1 of the Adam family) does the opposite
 * between max_momentum and base_momentum. Like {@code torch.optim.lr_scheduler.OneCycleLR} (two phases, or three
 * with {@code three_phase}); stepping past total_steps is refused as PyTorch refuses it.
 */
public final class OneCycleLR extends LRScheduler {
    private final int totalSteps;
    private final boolean cosine;
    private final boolean cycleMomentum;
    /** Per phase: its end step, start and end rate, start and end momentum. */
    private final double[][] phases;

    /** OneCycleLR's keyword arguments but max_lr and total_steps, at PyTorch's defaults until set. */
    public static final class Options {
        private double pctStart = 0.3;
        private boolean cosine = true;
        private boolean cycleMomentum = true;
        private double baseMomentum = 0.85;
        private double maxMomentum = 0.95;
        private double divFactor = 25;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        public Options pctStart(double value) {
            pctStart = value;
            return this;
        }

        /** "cos" or "linear". */
        public Options annealStrategy(String value) {
            if (!value.equals("cos") && !value.equals("linear")) {
                throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got " + value);
            }
            cosine = value.equals("cos");
            return this;
        }

        public Options cycleMomentum(boolean value) {
            cycleMomentum = value;
            return this;
        }

        public Options momentum(double base, double max) {
            baseMomentum = base;
            maxMomentum = max;
            return this;
        }

        public Options divFactor(double value) {
            divFactor = value;
            return this;
        }

        public Options finalDivFactor(double value) {
            finalDivFactor = value;
            return this;
        }

        public Options threePhase(boolean value) {
            threePhase = value;
            return this;
        }
    }

    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, Options o) {
        super("OneCycleLR", optimizer, maxLr / o.divFactor);
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
        }
        if (!(o.pctStart >= 0 && o.pctStart <= 1)) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + o.pctStart);
        }
        if (o.cycleMomentum && !optimizer.hasMomentum()) {
            throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option enabled"
                    + " (" + optimizer.typeName() + " has none: set cycle_momentum to false)");
        }
        this.totalSteps = totalSteps;
        this.cosine = o.cosine;
        this.cycleMomentum = o.cycleMomentum;
        double minLr = baseLr / o.finalDivFactor;
        double baseMomentum = o.baseMomentum;
        double maxMomentum = o.maxMomentum;
        double warm = o.pctStart * totalSteps - 1;
        if (o.threePhase) {
            phases = new double[][] {
                {warm, baseLr, maxLr, maxMomentum, baseMomentum},
                {2 * o.pctStart * totalSteps - 2, maxLr, baseLr, baseMomentum, maxMomentum},
                {totalSteps - 1, baseLr, minLr, maxMomentum, maxMomentum},
            };
        } else {
            phases = new double[][] {
                {warm, baseLr, maxLr, maxMomentum, baseMomentum},
                {totalSteps - 1, maxLr, minLr, baseMomentum, maxMomentum},
            };
        }
        if (cycleMomentum) {
            optimizer.setMomentum(maxMomentum);
        }
        initialStep();
    }

    @Override
    protected double nextLr(double lr) {
        if (lastEpoch > totalSteps) {
            throw new IllegalArgumentException("Tried to step " + (lastEpoch + 1) + " times. The specified number of"
                    + " total steps is " + totalSteps);
        }
        double start = 0;
        for (int i = 0; i < phases.length; i++) {
            double[] phase = phases[i];
            if (lastEpoch <= phase[0] || i == phases.length - 1) {
                double pct = (lastEpoch - start) / (phase[0] - start);
                if (cycleMomentum) {
                    optimizer.setMomentum(anneal(phase[3], phase[4], pct));
                }
                return anneal(phase[1], phase[2], pct);
            }
            start = phase[0];
        }
        throw new AssertionError("the last phase always answers");
    }

    private double anneal(double start, double end, double pct) {
        if (!cosine) {
            return (end - start) * pct + start;
        }
        double cosOut = Trig.cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }
}
