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

    /**
     * The loss of some rows of a batch of {@code batchRows} rows, for a worker that holds only these rows: a
     * scalar whose value is the sum of the rows' terms, not divided (see {@link #ofParts}), and whose backward
     * gives these rows' share of the whole batch's gradient, bit for bit.
     */
    public abstract Tensor forwardPart(Tensor input, Tensor target, int batchRows);

    /** The whole batch's loss from the sum of its parts' sums (added by {@link org.nnplayground.tensor.RowBlocks}' tree). */
    public double ofParts(double total, int batchRows, int rowWidth) {
        return total / divisor(batchRows, rowWidth);
    }

    /** What the sum of terms is divided by: 1 for 'sum', else the number of terms of a batch of these rows. */
    protected abstract double divisor(int rows, int rowWidth);

    /** The first dimension's size: the rows a batch sums over (1 for a scalar). */
    protected static int rowsOf(Tensor input) {
        return input.dim() == 0 ? 1 : input.size(0);
    }

    /** PyTorch's class name, as "MSELoss". */
    protected final String typeName() {
        return typeName;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** Reads like PyTorch's printout: {@code MSELoss()}. */
    @Override
    public String toString() {
        return typeName + "()";
    }
}
