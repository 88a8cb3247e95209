package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.tensor.Tensor;

/**
 * A loss with one term per element of an input and a target of the same shape (MSELoss, BCEWithLogitsLoss): its
 * mean divides by the element count, of the whole batch when a worker holds only some of its rows.
 */
abstract class ElementwiseLoss extends Loss {
    private final String inputsName;

    /** @param inputsName what the messages call the two tensors, as "input and target" */
    ElementwiseLoss(String typeName, Reduction reduction, String inputsName) {
        super(typeName, reduction);
        this.inputsName = inputsName;
    }

    @Override
    public final Tensor forward(Tensor input, Tensor target) {
        int rows = checkedRows(input, target);
        return build(input, target, divisor(rows, input.numel() / rows), true);
    }

    @Override
    public final Tensor forwardPart(Tensor input, Tensor target, int batchRows) {
        int rows = checkedRows(input, target);
        return build(input, target, divisor(batchRows, input.numel() / rows), false);
    }

    @Override
    protected final double divisor(int rows, int rowWidth) {
        return reduction.divisor(rows * rowWidth);
    }

    /**
     * The loss of these rows: the terms summed over the rows by {@link org.nnplayground.tensor.RowBlocks}' tree,
     * divided by {@code divisor} when {@code divide}; the backward pass divides the gradient by it either way.
     */
    protected abstract Tensor build(Tensor input, Tensor target, double divisor, boolean divide);

    private int checkedRows(Tensor input, Tensor target) {
        String name = typeName();
        if (!input.sameShape(target)) {
            throw new IllegalArgumentException(name + " expects " + inputsName + " of the same shape, got "
                    + Arrays.toString(input.shape()) + " and " + Arrays.toString(target.shape()));
        }
        if (input.numel() == 0) {
            throw new IllegalArgumentException(name + " of an empty batch");
        }
        return rowsOf(input);
    }
}
