package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Shape;
import org.nnplayground.tensor.Tensor;

/**
 * A loss of an input [N, C] and class targets [N] with one term per row (CrossEntropyLoss, NLLLoss), optionally
 * weighting each class: 'mean' then divides by the targets' weights summed, as PyTorch does. A subclass gives
 * one row's term and, in the same pass, the row's gradient; this class sums the rows by {@link RowBlocks}' tree
 * and scales the kept gradient in the backward pass.
 */
abstract class ClassLoss extends Loss {
    /** One weight per class, or null for all 1. */
    protected final double[] weight;

    ClassLoss(String typeName, Reduction reduction, double[] weight) {
        super(typeName, reduction);
        if (weight != null) {
            for (double w : weight) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException(typeName + ": every class weight must be a finite number, got "
                            + Arrays.toString(weight));
                }
            }
        }
        this.weight = weight == null ? null : weight.clone();
    }

    /**
     * Row r's term for class {@code label}, reading {@code input[base, base + classes)}; writes the term's
     * derivative with respect to each of those inputs into {@code grad} at the same places.
     */
    protected abstract double row(double[] input, double[] grad, int base, int classes, int label);

    /** The weight of class c (1 without weights). */
    protected final double weightOf(int c) {
        return weight == null ? 1.0 : weight[c];
    }

    @Override
    public final Tensor forward(Tensor input, Tensor target) {
        check(input, target);
        if (reduction == Reduction.NONE) {
            return perRow(input, target);
        }
        return sum(input, target, divisor(target), true);
    }

    @Override
    protected final Tensor part(Tensor input, Tensor target, double divisor) {
        check(input, target);
        return sum(input, target, divisor, false);
    }

    /** Without weights the number of rows; with them the targets' weights summed in order. */
    @Override
    protected final double meanDivisor(Tensor batchTarget) {
        if (weight == null) {
            return batchTarget.numel();
        }
        double[] labels = ClassTargets.checked(batchTarget, weight.length);
        double sum = 0;
        for (double label : labels) {
            sum += weight[(int) label];
        }
        return sum;
    }

    /** The rows' terms summed by the tree, divided by {@code divisor} when {@code divide}. */
    private Tensor sum(Tensor input, Tensor target, double divisor, boolean divide) {
        int classes = input.size(1);
        double[] labels = ClassTargets.checked(target, classes);
        double[] x = input.storage();
        double[] grad = input.newArray(x.length);
        double total = RowBlocks.sum(input.size(0), (from, to, into) -> {
            double sum = into[0];
            for (int r = from; r < to; r++) {
                sum = row(x, grad, r * classes, classes, (int) labels[r]) + sum;
            }
            into[0] = sum;
        });
        return Tensor.derived(new double[] {divide ? total / divisor : total}, Shape.SCALAR, g -> {
            double scale = g[0] / divisor;
            // The gradient is needed only here, once: it is scaled in place.
            for (int i = 0; i < grad.length; i++) {
                grad[i] = grad[i] * scale;
            }
            input.accumulateGrad(grad);
        }, input);
    }

    /** Reduction 'none': every row's term, a tensor [N]. */
    private Tensor perRow(Tensor input, Tensor target) {
        int rows = input.size(0);
        int classes = input.size(1);
        double[] labels = ClassTargets.checked(target, classes);
        double[] x = input.storage();
        double[] grad = new double[x.length];
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = row(x, grad, r * classes, classes, (int) labels[r]);
        }
        return Tensor.derived(out, new int[] {rows}, g -> {
            double[] gx = input.newArray(x.length);
            for (int i = 0; i < x.length; i++) {
                gx[i] = grad[i] * g[i / classes];
            }
            input.accumulateGrad(gx);
        }, input);
    }

    private void check(Tensor input, Tensor target) {
        String name = typeName();
        if (input.dim() != 2 || target.dim() != 1 || target.size(0) != input.size(0)) {
            throw new IllegalArgumentException(name + " expects " + inputName() + " [N, C] and class targets [N], got "
                    + Arrays.toString(input.shape()) + " and " + Arrays.toString(target.shape()));
        }
        if (input.size(0) == 0) {
            throw new IllegalArgumentException(name + " of an empty batch");
        }
        if (weight != null && weight.length != input.size(1)) {
            throw new IllegalArgumentException(name + ": weight has " + weight.length + " values for "
                    + input.size(1) + " classes (give one per class)");
        }
    }

    /** What the messages call the input: "logits" or "log-probabilities". */
    protected abstract String inputName();
}
