package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** x·σ(x), the sigmoid-weighted linear unit (also called swish); like {@code torch.nn.SiLU}. */
public final class SiLU extends Module {
    public SiLU() {
        super("SiLU");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.silu(input);
    }
}
