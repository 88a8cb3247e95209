package org.nnplayground.tensor;

/**
 * The backward rule of one operation: given the gradient of the loss with respect to the op's output,
 * add the gradients with respect to its inputs (through {@link Tensor#accumulateGrad}).
 */
@FunctionalInterface
public interface Backward {
    void propagate(double[] gradOutput);
}
