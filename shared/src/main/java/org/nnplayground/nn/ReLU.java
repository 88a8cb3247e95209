package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** max(x, 0). Like {@code torch.nn.ReLU}. */
public final class ReLU extends Module {
    public ReLU() {
        super("ReLU");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.relu(input);
    }
}
