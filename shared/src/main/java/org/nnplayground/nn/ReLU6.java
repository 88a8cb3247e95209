package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** min(max(x, 0), 6); like {@code torch.nn.ReLU6}. */
public final class ReLU6 extends Module {
    public ReLU6() {
        super("ReLU6");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.hardtanh(input, 0.0, 6.0);
    }
}
