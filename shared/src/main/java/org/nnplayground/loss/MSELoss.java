package org.nnplayground.loss;

import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Shape;
import org.nnplayground.tensor.Tensor;

/** Mean squared error, Σ(x − t)² over all elements, divided by their count for 'mean'; like {@code torch.nn.MSELoss}. */
public final class MSELoss extends ElementwiseLoss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super("MSELoss", reduction, "input and target");
    }

    /** Σ(x − t)², summed over the rows by the tree, divided by {@code divisor} when {@code divide}. */
    @Override
    protected Tensor build(Tensor input, Tensor target, double divisor, boolean divide) {
        double[] x = input.storage();
        double[] t = target.storage();
        int width = x.length / rowsOf(input);
        double total = RowBlocks.sum(rowsOf(input), (from, to, into) -> {
            double sum = into[0];
            for (int i = from * width; i < to * width; i++) {
                double d = x[i] - t[i];
                sum += d * d;
            }
            into[0] = sum;
        });
        return Tensor.derived(new double[] {divide ? total / divisor : total}, Shape.SCALAR, g -> {
            double scale = 2.0 * g[0] / divisor;
            double[] gx = input.newArray(x.length);
            for (int i = 0; i < x.length; i++) {
                gx[i] = (x[i] - t[i]) * scale;
            }
            input.accumulateGrad(gx);
        }, input);
    }
}
