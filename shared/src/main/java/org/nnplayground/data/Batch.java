package org.nnplayground.data;

import org.nnplayground.tensor.Tensor;

/** One mini-batch: the inputs and their targets ({@code b_x, b_y} in the course). */
public final class Batch {
    private final Tensor x;
    private final Tensor y;

    public Batch(Tensor x, Tensor y) {
        this.x = x;
        this.y = y;
    }

    public Tensor x() {
        return x;
    }

    public Tensor y() {
        return y;
    }

    public int size() {
        return x.size(0);
    }
}
