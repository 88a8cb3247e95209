package org.nnplayground.loss;

import org.nnplayground.tensor.Tensor;

/** A criterion comparing a prediction with a target and returning a scalar tensor to call backward on. */
public abstract class Loss {
    private final String typeName;
    protected final Reduction reduction;

    protected Loss(String typeName, Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must be 'mean' or 'sum'");
        }
        this.typeName = typeName;
        this.reduction = reduction;
    }

    public abstract Tensor forward(Tensor input, Tensor target);

    public Reduction reduction() {
        return reduction;
    }

    /** Reads like PyTorch's printout: {@code MSELoss()}. */
    @Override
    public String toString() {
        return typeName + "()";
    }
}
