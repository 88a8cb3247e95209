package org.nnplayground.optim.scheduler;

import org.nnplayground.optim.Optimizer;

/**
 * A learning-rate schedule over an optimizer, like {@code torch.optim.lr_scheduler._LRScheduler} (torch 1.13)
 * with one parameter group: made at epoch −1, it steps once at once (epoch 0), then {@link #step()} moves one
 * epoch (or one update, for OneCycleLR) and sets the optimizer's learning rate. The rates are PyTorch's chained
 * (recursive) forms, computed from the current rate as {@code get_lr()} does, so they round as PyTorch's do.
 */
public abstract class LRScheduler {
    private final String typeName;
    protected final Optimizer optimizer;
    /** The optimizer's learning rate when the schedule began (PyTorch's {@code initial_lr}). */
    protected final double baseLr;
    /** The current epoch: 0 after construction, +1 per step. */
    protected int lastEpoch = -1;

    protected LRScheduler(String typeName, Optimizer optimizer, double baseLr) {
        this.typeName = typeName;
        this.optimizer = optimizer;
        this.baseLr = baseLr;
    }

    /** PyTorch's {@code _initial_step}: subclasses call it last in their constructor, once their fields are set. */
    protected final void initialStep() {
        step();
    }

    /** One epoch (or update) on: the next rate from the current one, set on the optimizer. */
    public final void step() {
        lastEpoch++;
        optimizer.setScheduledLr(nextLr(optimizer.lr()));
    }

    /** The rate for {@link #lastEpoch}, given the current one (PyTorch's {@code get_lr}). */
    protected abstract double nextLr(double lr);

    /** PyTorch's class name, as "StepLR". */
    public final String typeName() {
        return typeName;
    }

    /** Checks an option PyTorch needs positive. */
    static void requirePositive(double value, String message) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }
}
