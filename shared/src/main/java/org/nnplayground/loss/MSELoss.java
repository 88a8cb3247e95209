package org.nnplayground.loss;

import java.util.Arrays;
import org.nnplayground.tensor.Tensor;

/** Mean squared error, Σ(x − t)² over all elements, divided by their count for 'mean'; like {@code torch.nn.MSELoss}. */
public final class MSELoss extends Loss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super("MSELoss", reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        if (!input.sameShape(target)) {
            throw new IllegalArgumentException("MSELoss expects input and target of the same shape, got "
                    + Arrays.toString(input.shape()) + " and " + Arrays.toString(target.shape()));
        }
        double[] x = input.storage();
        double[] t = target.storage();
        if (x.length == 0) {
            throw new IllegalArgumentException("MSELoss of an empty batch");
        }
        double divisor = reduction.divisor(x.length);
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - t[i];
            total += d * d;
        }
        return Tensor.derived(new double[] {total / divisor}, new int[0], g -> {
            double scale = 2.0 * g[0] / divisor;
            double[] gx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                gx[i] = (x[i] - t[i]) * scale;
            }
            input.accumulateGrad(gx);
        }, input);
    }
}
