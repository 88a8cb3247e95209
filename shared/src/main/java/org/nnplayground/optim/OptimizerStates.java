package org.nnplayground.optim;

/** Restores saved per-parameter state into an optimizer (the package-private side of {@link ParamState}). */
public final class OptimizerStates {
    private OptimizerStates() {
    }

    /** Replaces the state of parameter {@code index}: its step count and named buffers. */
    public static void restore(Optimizer optimizer, int index, int step, java.util.Map<String, double[]> buffers) {
        ParamState state = optimizer.state(index);
        int size = optimizer.params().get(index).numel();
        for (java.util.Map.Entry<String, double[]> buffer : buffers.entrySet()) {
            if (buffer.getValue().length != size) {
                throw new IllegalArgumentException("optimizer state " + buffer.getKey() + " of parameter " + index
                        + " has " + buffer.getValue().length + " values, the parameter has " + size);
            }
        }
        state.setStep(step);
        for (java.util.Map.Entry<String, double[]> buffer : buffers.entrySet()) {
            state.putBuffer(buffer.getKey(), buffer.getValue().clone());
        }
    }
}
