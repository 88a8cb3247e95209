package org.nnplayground.nn;

import org.nnplayground.tensor.MatMul;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** Stateless functions, like {@code torch.nn.functional} (the course imports it as {@code F}). */
public final class Functional {
    private Functional() {
    }

    public static Tensor relu(Tensor x) {
        return Pointwise.relu(x);
    }

    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Pointwise.leakyRelu(x, negativeSlope);
    }

    public static Tensor tanh(Tensor x) {
        return Pointwise.tanh(x);
    }

    public static Tensor sigmoid(Tensor x) {
        return Pointwise.sigmoid(x);
    }

    public static Tensor elu(Tensor x, double alpha) {
        return Pointwise.elu(x, alpha);
    }

    public static Tensor gelu(Tensor x) {
        return Pointwise.gelu(x);
    }

    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Pointwise.softplus(x, beta, threshold);
    }

    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    /** x·Wᵀ + b; bias may be null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return MatMul.linear(x, weight, bias);
    }
}
