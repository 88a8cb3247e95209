package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** x·tanh(softplus(x)); like {@code torch.nn.Mish}. */
public final class Mish extends Module {
    public Mish() {
        super("Mish");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.mish(input);
    }
}
