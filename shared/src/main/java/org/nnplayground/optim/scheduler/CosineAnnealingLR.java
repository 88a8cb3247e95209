package org.nnplayground.optim.scheduler;

import org.nnplayground.math.Trig;
import org.nnplayground.optim.Optimizer;

/**
 * The rate follows half a cosine from its start down to {@code eta_min} over {@code T_max} epochs (and back up
 * over the next T_max, and so on); like {@code torch.optim.lr_scheduler.CosineAnnealingLR}, in its chained form.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final double tMax;
    private final double etaMin;
    /** 2·T_max, kept: TeaVM's JavaScript would turn x % (2·T_max) into (x % 2)·T_max. */
    private final double period;

    public CosineAnnealingLR(Optimizer optimizer, double tMax, double etaMin) {
        super("CosineAnnealingLR", optimizer, optimizer.lr());
        requirePositive(tMax, "CosineAnnealingLR's T_max must be positive");
        this.tMax = tMax;
        this.etaMin = etaMin;
        this.period = 2 * tMax;
        initialStep();
    }

    @Override
    protected double nextLr(double lr) {
        if (lastEpoch == 0) {
            return lr;
        }
        if ((lastEpoch - 1 - tMax) % period == 0) {
            return lr + (baseLr - etaMin) * (1 - Trig.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Trig.cos(Math.PI * lastEpoch / tMax)) / (1 + Trig.cos(Math.PI * (lastEpoch - 1) / tMax))
                * (lr - etaMin) + etaMin;
    }
}
