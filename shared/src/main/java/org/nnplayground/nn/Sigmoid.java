package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** 1/(1 + e^−x). Like {@code torch.nn.Sigmoid}. */
public final class Sigmoid extends Module {
    public Sigmoid() {
        super("Sigmoid");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.sigmoid(input);
    }
}
