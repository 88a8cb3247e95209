package org.nnplayground.loss;

import org.nnplayground.tensor.Tensor;

/**
 * A criterion comparing a prediction with a target: a scalar to call backward on ('mean' or 'sum'), or the
 * terms themselves ('none').
 */
public abstract class Loss {
    private final String typeName;
    protected final Reduction reduction;

    protected Loss(String typeName, Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must be 'mean', 'sum' or 'none'");
        }
        this.typeName = typeName;
        this.reduction = reduction;
    }

    public abstract Tensor forward(Tensor input, Tensor target);

    /**
     * The loss of some rows of a batch whose targets are {@code batchTarget}, for a worker that holds only these
     * rows: a scalar whose value is the sum of the rows' terms, not divided (see {@link #ofParts}), and whose
     * backward gives these rows' share of the whole batch's gradient, bit for bit.
     */
    public final Tensor forwardPart(Tensor input, Tensor target, Tensor batchTarget) {
        return part(input, target, divisor(batchTarget));
    }

    /** The part's scalar (see {@link #forwardPart}) whose backward divides by {@code divisor}. */
    protected abstract Tensor part(Tensor input, Tensor target, double divisor);

    /** The whole batch's loss from the sum of its parts' sums (added by {@link org.nnplayground.tensor.RowBlocks}' tree). */
    public final double ofParts(double total, Tensor batchTarget) {
        return total / divisor(batchTarget);
    }

    /**
     * What a batch's sum of terms is divided by: 1 for 'sum', for 'mean' the number of terms (or, for a class
     * loss with weights, the targets' weights summed). Only a reduced loss can be split over workers.
     */
    protected final double divisor(Tensor batchTarget) {
        if (reduction == Reduction.NONE) {
            throw new IllegalArgumentException(typeName + " with reduction='none' gives one loss per element; "
                    + "training needs them reduced ('mean' or 'sum')");
        }
        return reduction == Reduction.SUM ? 1.0 : meanDivisor(batchTarget);
    }

    /** What 'mean' divides a batch's sum of terms by, given all its targets. */
    protected abstract double meanDivisor(Tensor batchTarget);

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

    /** Reads like PyTorch's printout: {@code MSELoss()} (PyTorch prints no options for a loss). */
    @Override
    public String toString() {
        return typeName + "()";
    }
}
