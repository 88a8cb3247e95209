package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Shape;
import org.nnplayground.tensor.Tensor;

/**
 * A loss with one term per element of an input and a target of the same shape (MSELoss, L1Loss, BCELoss, ...):
 * a subclass says what one element's term and its slope are; this class sums them over the rows by
 * {@link RowBlocks}' tree (so a batch split over workers adds up to the same bits), divides by the element
 * count for 'mean' (of the whole batch when a worker holds only some of its rows), or keeps them for 'none'.
 */
abstract class ElementwiseLoss extends Loss {
    private final String inputsName;

    /** @param inputsName what the messages call the two tensors, as "input and target" */
    ElementwiseLoss(String typeName, Reduction reduction, String inputsName) {
        super(typeName, reduction);
        this.inputsName = inputsName;
    }

    /** One element's term, {@code x} the input and {@code t} the target in column {@code column} of its row. */
    protected abstract double term(double x, double t, int column);

    /** The term's derivative with respect to {@code x}. */
    protected abstract double slope(double x, double t, int column);

    /** Checks the values before any term is taken (BCELoss wants probabilities). */
    protected void checkValues(Tensor input, Tensor target) {
    }

    @Override
    public final Tensor forward(Tensor input, Tensor target) {
        check(input, target);
        if (reduction == Reduction.NONE) {
            return terms(input, target);
        }
        return sum(input, target, divisor(target), true);
    }

    @Override
    protected final Tensor part(Tensor input, Tensor target, double divisor) {
        check(input, target);
        return sum(input, target, divisor, false);
    }

    @Override
    protected final double meanDivisor(Tensor batchTarget) {
        return batchTarget.numel();
    }

    /** The elements' terms summed over the rows by the tree, divided by {@code divisor} when {@code divide}. */
    private Tensor sum(Tensor input, Tensor target, double divisor, boolean divide) {
        double[] x = input.storage();
        double[] t = target.storage();
        int width = x.length / rowsOf(input);
        double total = RowBlocks.sum(rowsOf(input), (from, to, into) -> {
            double sum = into[0];
            for (int i = from * width; i < to * width; i++) {
                sum = term(x[i], t[i], i % width) + sum;
            }
            into[0] = sum;
        });
        return Tensor.derived(new double[] {divide ? total / divisor : total}, Shape.SCALAR, g -> {
            double scale = g[0] / divisor;
            double[] gx = input.newArray(x.length);
            for (int i = 0; i < x.length; i++) {
                gx[i] = slope(x[i], t[i], i % width) * scale;
            }
            input.accumulateGrad(gx);
        }, input);
    }

    /** Reduction 'none': every element's term, in the input's shape. */
    private Tensor terms(Tensor input, Tensor target) {
        double[] x = input.storage();
        double[] t = target.storage();
        int width = x.length / rowsOf(input);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = term(x[i], t[i], i % width);
        }
        return Tensor.derived(out, input.shape(), g -> {
            double[] gx = input.newArray(x.length);
            for (int i = 0; i < x.length; i++) {
                gx[i] = slope(x[i], t[i], i % width) * g[i];
            }
            input.accumulateGrad(gx);
        }, input);
    }

    private void check(Tensor input, Tensor target) {
        String name = typeName();
        if (!input.sameShape(target)) {
            throw new IllegalArgumentException(name + " expects " + inputsName + " of the same shape, got "
                    + Arrays.toString(input.shape()) + " and " + Arrays.toString(target.shape()));
        }
        if (input.numel() == 0) {
            throw new IllegalArgumentException(name + " of an empty batch");
        }
        checkValues(input, target);
    }
}
