package org.nnplayground.nn;

import org.nnplayground.tensor.Tensor;

/**
 * log(e^x / Σ e^x) = x − log Σ e^x along dim 1, each row of a batch [N, C] on its own; like
 * {@code torch.nn.LogSoftmax(dim=1)}, whose output NLLLoss reads. The row's maximum is subtracted first, so large
 * inputs stay finite. Only dim=1 is offered: the class dimension of every batch here.
 */
public final class LogSoftmax extends Module {
    public LogSoftmax() {
        super("LogSoftmax");
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.logSoftmax(1);
    }

    @Override
    protected String extraRepr() {
        return "dim=1";
    }
}
