package org.nnplayground.optim.scheduler;

import org.nnplayground.optim.Optimizer;

/**
 * The rate's factor moves linearly from {@code start_factor} to {@code end_factor} over {@code total_iters}
 * epochs, then stays; like {@code torch.optim.lr_scheduler.LinearLR} (1/3, 1.0, 5), a warm-up.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super("LinearLR", optimizer, optimizer.lr());
        if (!(startFactor >= 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be between 0 and 1.");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double nextLr(double lr) {
        if (lastEpoch == 0) {
            return lr * startFactor;
        }
        if (lastEpoch > totalIters) {
            return lr;
        }
        return lr * (1. + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
    }
}
