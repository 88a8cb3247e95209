package org.nnplayground.io;

import org.nnplayground.nn.Module;

/**
 * A whole model as read from a checkpoint: the rebuilt module with its weights, plus what else the file
 * carried — the optimizer's state and the training configuration — as plain JSON values (or null).
 */
public final class Checkpoint {
    private final Module model;
    private final Object optimizer;
    private final Object config;

    Checkpoint(Module model, Object optimizer, Object config) {
        this.model = model;
        this.optimizer = optimizer;
        this.config = config;
    }

    public Module model() {
        return model;
    }

    /** The optimizer section ({@link OptimizerJson} reads it back), or null. */
    public Object optimizer() {
        return optimizer;
    }

    /** The training configuration as parsed JSON, or null. */
    public Object config() {
        return config;
    }
}
