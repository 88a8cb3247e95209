package org.nnplayground.nn;

/**
 * Evaluation mode for as long as the scope is open, like {@code model.eval()} before predicting and
 * {@code model.train()} after: Dropout hands its input on and BatchNorm1d uses (and keeps) its running statistics.
 * Closing it puts back the mode it found.
 */
public final class EvalScope implements AutoCloseable {
    private final Module module;
    private final boolean wasTraining;

    EvalScope(Module module) {
        this.module = module;
        this.wasTraining = module.isTraining();
        module.eval();
    }

    @Override
    public void close() {
        if (wasTraining) {
            module.train();
        }
    }
}
