package org.nnplayground.nn;

import org.nnplayground.tensor.Tensor;

/** Passes its input through unchanged. Like {@code torch.nn.Identity}. */
public final class Identity extends Module {
    public Identity() {
        super("Identity");
    }

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
