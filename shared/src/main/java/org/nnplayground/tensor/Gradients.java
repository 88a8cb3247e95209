package org.nnplayground.tensor;

/**
 * How a tensor keeps its gradient array and reuses it: {@link Tensor#zeroGrad()} drops the gradient but keeps
 * its array as a spare, and the next backward pass sums into that spare, so a training step allocates no new
 * gradients (in the browser, an array a step is garbage a second core collects).
 */
final class Gradients {
    private Gradients() {
    }

    /** Drops {@code tensor}'s gradient, keeping its array as the spare. */
    static void drop(Tensor tensor) {
        if (tensor.grad != null) {
            tensor.spareGrad = tensor.grad;
            tensor.grad = null;
        }
    }

    /**
     * A zeroed array of {@code tensor}'s size for a backward rule to sum a gradient into and then hand to
     * {@link #accumulate}: the spare when there is one, else a new (or pooled) array.
     */
    static double[] buffer(Tensor tensor) {
        double[] buffer = tensor.spareGrad;
        if (buffer == null) {
            return ArrayPool.take(tensor.data.length, tensor);
        }
        tensor.spareGrad = null;
        java.util.Arrays.fill(buffer, 0.0);
        return buffer;
    }

    /**
     * Adds {@code g} to {@code tensor}'s gradient. The first gradient is kept as it is, not copied; a later one
     * is added in and its array kept as the spare when there is none.
     */
    static void accumulate(Tensor tensor, double[] g) {
        if (!tensor.requiresGrad) {
            return;
        }
        if (tensor.grad == null) {
            tensor.grad = g;
            return;
        }
        for (int i = 0; i < g.length; i++) {
            tensor.grad[i] += g[i];
        }
        if (tensor.spareGrad == null) {
            tensor.spareGrad = g;
        }
    }
}
