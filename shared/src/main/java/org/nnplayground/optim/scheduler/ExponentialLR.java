package org.nnplayground.optim.scheduler;

import org.nnplayground.optim.Optimizer;

/** The rate times γ every epoch; like {@code torch.optim.lr_scheduler.ExponentialLR}. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        super("ExponentialLR", optimizer, optimizer.lr());
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double nextLr(double lr) {
        return lastEpoch == 0 ? lr : lr * gamma;
    }
}
