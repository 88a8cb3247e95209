package org.nnplayground.optim.scheduler;

import org.nnplayground.math.PortableMath;
import org.nnplayground.optim.Optimizer;

/**
 * The rate times γ at each milestone epoch (γ^k where a milestone is listed k times); like
 * {@code torch.optim.lr_scheduler.MultiStepLR} (γ 0.1).
 */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super("MultiStepLR", optimizer, optimizer.lr());
        this.milestones = milestones.clone();
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double nextLr(double lr) {
        int count = 0;
        for (int milestone : milestones) {
            count += milestone == lastEpoch ? 1 : 0;
        }
        return count == 0 ? lr : lr * PortableMath.pow(gamma, count);
    }
}
