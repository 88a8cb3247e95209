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
        return rows(indices, null);
    }

    /**
     * The rows at {@code indices}, written over {@code spent} (a batch of this dataset that nothing reads any more)
     * when it has as many rows: a training loop takes a batch every update, and in the browser each new array is
     * garbage a moment later.
     */
    public Batch rows(int[] indices, Batch spent) {
        if (spent != null && spent.size() == indices.length) {
            copyRows(inputs, indices, spent.x().storage());
            copyRows(targets, indices, spent.y().storage());
            return spent;
        }
        return new Batch(pick(inputs, indices), pick(targets, indices));
    }

    private static Tensor pick(Tensor source, int[] indices) {
        int[] shape = source.shape();
        double[] values = new double[indices.length * (source.numel() / shape[0])];
        copyRows(source, indices, values);
        shape[0] = indices.length;
        return Tensor.adopt(values, shape);
    }

    private static void copyRows(Tensor source, int[] indices, double[] into) {
        int rows = source.size(0);
        int width = source.numel() / rows;
        double[] from = source.storage();
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            if (row < 0 || row >= rows) {
                throw new IllegalArgumentException("row " + row + " is out of range for " + rows + " rows");
            }
            System.arraycopy(from, row * width, into, i * width, width);
        }
    }
}
