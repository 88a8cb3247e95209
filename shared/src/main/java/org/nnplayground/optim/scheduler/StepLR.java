package org.nnplayground.optim.scheduler;

import org.nnplayground.optim.Optimizer;

/** The rate times γ every {@code step_size} epochs; like {@code torch.optim.lr_scheduler.StepLR} (γ 0.1). */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super("StepLR", optimizer, optimizer.lr());
        requirePositive(stepSize, "StepLR's step_size must be a positive whole number");
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double nextLr(double lr) {
        return lastEpoch == 0 || lastEpoch % stepSize != 0 ? lr : lr * gamma;
    }
}
