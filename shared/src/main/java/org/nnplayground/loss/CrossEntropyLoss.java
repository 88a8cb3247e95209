package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.math.PortableMath;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Shape;
import org.nnplayground.tensor.Tensor;

/**
 * −log softmax(z)[target] per row of logits z [N, C], with integer class targets [N]; like
 * {@code torch.nn.CrossEntropyLoss}. The log-sum-exp subtracts each row's maximum first, so logits in
 * the thousands stay finite. Gradient: (softmax − onehot), divided by N for 'mean'.
 */
public final class CrossEntropyLoss extends Loss {
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        super("CrossEntropyLoss", reduction);
    }

    @Override
    public Tensor forward(Tensor logits, Tensor target) {
        return build(logits, target, divisor(checkedRows(logits, target), 1), true);
    }

    @Override
    public Tensor forwardPart(Tensor logits, Tensor target, int batchRows) {
        checkedRows(logits, target);
        return build(logits, target, divisor(batchRows, 1), false);
    }

    /** Per row one term, whatever the number of classes. */
    @Override
    protected double divisor(int rows, int rowWidth) {
        return reduction.divisor(rows);
    }

    private static int checkedRows(Tensor logits, Tensor target) {
        if (logits.dim() != 2 || target.dim() != 1 || target.size(0) != logits.size(0)) {
            throw new IllegalArgumentException("CrossEntropyLoss expects logits [N, C] and class targets [N], got "
                    + Arrays.toString(logits.shape()) + " and " + Arrays.toString(target.shape()));
        }
        if (logits.size(0) == 0) {
            throw new IllegalArgumentException("CrossEntropyLoss of an empty batch");
        }
        return logits.size(0);
    }

    /** The rows' terms summed by the tree, divided by {@code divisor} when {@code divide}. */
    private static Tensor build(Tensor logits, Tensor target, double divisor, boolean divide) {
        int rows = logits.size(0);
        int classes = logits.size(1);
        double[] labels = ClassTargets.checked(target, classes);
        double[] z = logits.storage();
        double[] softmax = logits.newArray(z.length);
        double total = RowBlocks.sum(rows, (from, to, into) -> {
            double sum = into[0];
            for (int r = from; r < to; r++) {
                sum = rowTerm(z, softmax, r * classes, classes, (int) labels[r]) + sum;
            }
            into[0] = sum;
        });
        return Tensor.derived(new double[] {divide ? total / divisor : total}, Shape.SCALAR, g -> {
            double scale = g[0] / divisor;
            // The softmax is needed only here, once: it becomes the gradient in place.
            for (int r = 0; r < rows; r++) {
                int label = (int) labels[r];
                for (int c = 0; c < classes; c++) {
                    double onehot = c == label ? 1.0 : 0.0;
                    softmax[r * classes + c] = (softmax[r * classes + c] - onehot) * scale;
                }
            }
            logits.accumulateGrad(softmax);
        }, logits);
    }

    /** One row's −log softmax(z)[label]; its softmax goes into {@code softmax} for the backward pass. */
    private static double rowTerm(double[] z, double[] softmax, int base, int classes, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, z[base + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            softmax[base + c] = PortableMath.exp(z[base + c] - max);
            sum += softmax[base + c];
        }
        for (int c = 0; c < classes; c++) {
            softmax[base + c] /= sum;
        }
        return PortableMath.log(sum) - (z[base + label] - max);
    }
}
