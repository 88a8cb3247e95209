package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** The hyperbolic tangent. Like {@code torch.nn.Tanh}. */
public final class Tanh extends Module {
    public Tanh() {
        super("Tanh");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.tanh(input);
    }
}
