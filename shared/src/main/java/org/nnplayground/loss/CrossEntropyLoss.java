package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.math.PortableMath;
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
        if (logits.dim() != 2 || target.dim() != 1 || target.size(0) != logits.size(0)) {
            throw new IllegalArgumentException("CrossEntropyLoss expects logits [N, C] and class targets [N], got "
                    + Arrays.toString(logits.shape()) + " and " + Arrays.toString(target.shape()));
        }
        int rows = logits.size(0);
        int classes = logits.size(1);
        if (rows == 0) {
            throw new IllegalArgumentException("CrossEntropyLoss of an empty batch");
        }
        double[] labels = ClassTargets.checked(target, classes);
        double[] z = logits.storage();
        double[] softmax = new double[z.length];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
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
            // Compound term first: TeaVM's JavaScript drops parentheses of a same-precedence right operand.
            total = (PortableMath.log(sum) - (z[base + (int) labels[r]] - max)) + total;
        }
        double divisor = reduction.divisor(rows);
        return Tensor.derived(new double[] {total / divisor}, new int[0], g -> {
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
}
