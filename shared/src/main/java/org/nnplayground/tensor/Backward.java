package org.nnplayground.tensor;

/**
 * The backward rule of one operation: given the gradient of the loss with respect to the op's output,
 * add the gradients with respect to its inputs (through {@link Tensor#accumulateGrad}). The rule owns
 * {@code gradOutput} (the output drops it afterwards), so it may overwrite it and hand it on as one input's
 * gradient instead of allocating another array.
 */
@FunctionalInterface
public interface Backward {
    void propagate(double[] gradOutput);
}
