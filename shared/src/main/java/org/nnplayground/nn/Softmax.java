package org.nnplayground.nn;

import org.nnplayground.tensor.Tensor;

/**
 * e^x / Σ e^x along dim 1, each row of a batch [N, C] on its own; like {@code torch.nn.Softmax(dim=1)}. The row's maximum
 * is subtracted first, so large inputs stay finite. Only dim=1 is offered: the class dimension of every batch here.
 */
public final class Softmax extends Module {
    public Softmax() {
        super("Softmax");
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(1);
    }

    @Override
    protected String extraRepr() {
        return "dim=1";
    }
}
