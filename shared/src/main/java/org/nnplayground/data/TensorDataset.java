package org.nnplayground.data;

import org.nnplayground.tensor.Tensor;

/**
 * Inputs and targets paired by row, like {@code torch.utils.data.TensorDataset(x, y)}: x is [N, features],
 * y is [N, outputs] for regression or [N] class indices for classification.
 */
public final class TensorDataset {
    private final Tensor inputs;
    private final Tensor targets;

    public TensorDataset(Tensor inputs, Tensor targets) {
        if (inputs.dim() != 2) {
            throw new IllegalArgumentException("inputs must be [N, features], got shape "
                    + java.util.Arrays.toString(inputs.shape()));
        }
        if (targets.dim() < 1 || targets.dim() > 2) {
            throw new IllegalArgumentException("targets must be [N] or [N, outputs], got shape "
                    + java.util.Arrays.toString(targets.shape()));
        }
        if (inputs.size(0) != targets.size(0)) {
            throw new IllegalArgumentException("Size mismatch between tensors: " + inputs.size(0) + " inputs but "
                    + targets.size(0) + " targets");
        }
        if (inputs.size(0) == 0) {
            throw new IllegalArgumentException("the dataset is empty");
        }
        this.inputs = inputs.detach();
        this.targets = targets.detach();
    }

    public int size() {
        return inputs.size(0);
    }

    public Tensor inputs() {
        return inputs;
    }

    public Tensor targets() {
        return targets;
    }

    /** The rows at {@code indices}, in that order. */
    public Batch rows(int[] indices) {
        return new Batch(pick(inputs, indices), pick(targets, indices));
    }

    private static Tensor pick(Tensor source, int[] indices) {
        int[] shape = source.shape();
        int width = source.numel() / shape[0];
        double[] from = source.storage();
        double[] values = new double[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            if (row < 0 || row >= shape[0]) {
                throw new IllegalArgumentException("row " + row + " is out of range for " + shape[0] + " rows");
            }
            System.arraycopy(from, row * width, values, i * width, width);
        }
        shape[0] = indices.length;
        return Tensor.adopt(values, shape);
    }
}
