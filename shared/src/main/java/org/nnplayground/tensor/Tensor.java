package org.nnplayground.tensor;

import org.nnplayground.random.Generator;

/**
 * An n-dimensional array of doubles (flat, row-major) that records how it was computed, so that
 * {@link #backward()} can fill in gradients by reverse-mode automatic differentiation.
 *
 * <p>Each operation builds its output and, beside it, the small rule that sends the output's gradient
 * back to its inputs (see the op classes of this package). Gradients accumulate with {@code +=} until
 * cleared from outside ({@link #zeroGrad()}, or an optimizer's {@code zeroGrad()}), as in PyTorch.
 */
public final class Tensor {
    final double[] data;
    final int[] shape;
    double[] grad;
    /** The gradient {@link #zeroGrad()} last dropped, kept to be refilled (see {@link Gradients}). */
    double[] spareGrad;
    boolean requiresGrad;
    /** Inputs of the op that made this tensor; null for a leaf or once the graph is released. */
    Tensor[] inputs;
    Backward backward;
    private boolean released;
    /** The last backward walk that reached this node (see {@link Autograd}). */
    Object visitedBy;
    int walkNext; // during a backward walk: the next input to visit
    /** Where the ops on this tensor draw their outputs from, and backward gives them back; null for most tensors. */
    ArrayPool pool;

    Tensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---- construction ----

    /** A tensor over a copy of {@code values} with the given shape (a vector when no shape is given). */
    public static Tensor of(double[] values, int... shape) {
        return Creation.copyOf(values, shape.length == 0 ? new int[] {values.length} : shape);
    }

    /**
     * A tensor over a copy of {@code values} with exactly {@code shape}: an empty shape is a 0-dimensional
     * tensor of one value, as files store one (unlike {@link #of(double[], int...)}, where no shape means a vector).
     */
    public static Tensor withShape(double[] values, int[] shape) {
        return Creation.copyOf(values, shape);
    }

    /**
     * A tensor over {@code values} themselves, not a copy: for code that has just filled a fresh array and hands
     * it over (a batch, a loss's input); whoever keeps writing to the array must not.
     */
    public static Tensor adopt(double[] values, int... shape) {
        return Creation.over(values, shape);
    }

    /** A matrix from rows of equal length. */
    public static Tensor of(double[][] rows) {
        return Creation.ofRows(rows);
    }

    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, Shape.SCALAR);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new double[Shape.numel(shape)], shape.clone());
    }

    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    public static Tensor full(double value, int... shape) {
        return Creation.full(value, shape);
    }

    /** {@code steps} evenly spaced values from start to end inclusive, computed as PyTorch does. */
    public static Tensor linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps);
    }

    /** Uniform samples in [0, 1), like {@code torch.rand}. */
    public static Tensor rand(Generator generator, int... shape) {
        return Creation.rand(generator, shape);
    }

    /** Standard normal samples, like {@code torch.randn}. */
    public static Tensor randn(Generator generator, int... shape) {
        return normal(zeros(shape), 1.0, generator);
    }

    /** One normal sample per element of {@code mean}, all with standard deviation {@code std}, like {@code torch.normal}. */
    public static Tensor normal(Tensor mean, double std, Generator generator) {
        return Creation.normal(mean, std, generator);
    }

    /** Joins tensors along {@code dim}; all other sizes must agree, like {@code torch.cat}. */
    public static Tensor cat(int dim, Tensor... tensors) {
        return ShapeOps.cat(dim, tensors);
    }

    /** The result of an op: records its inputs and backward rule when grad mode is on and an input needs it. */
    public static Tensor derived(double[] data, int[] shape, Backward backward, Tensor... inputs) {
        Tensor out = new Tensor(data, shape);
        out.pool = ArrayPool.of(inputs);
        if (GradMode.isEnabled()) {
            for (Tensor input : inputs) {
                if (input.requiresGrad) {
                    out.requiresGrad = true;
                    out.inputs = inputs;
                    out.backward = backward;
                    break;
                }
            }
        }
        return out;
    }

    // ---- inspection ----

    public int[] shape() {
        return shape.clone();
    }

    /** Whether {@code other} has exactly this shape (without copying either shape). */
    public boolean sameShape(Tensor other) {
        return java.util.Arrays.equals(shape, other.shape);
    }

    public int dim() {
        return shape.length;
    }

    public int size(int dim) {
        return shape[Shape.dim(dim, shape.length)];
    }

    public int numel() {
        return data.length;
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        return data.clone();
    }

    /** The value at a flat (row-major) index. */
    public double get(int flatIndex) {
        if (flatIndex < 0 || flatIndex >= data.length) {
            throw new IllegalArgumentException("index " + flatIndex + " is out of range for " + data.length + " elements");
        }
        return data[flatIndex];
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("a Tensor with " + data.length + " elements cannot be converted to Scalar");
        }
        return data[0];
    }

    /**
     * The tensor's own values, not a copy, for hot loops in the core: optimizers and weight loading write
     * through it in place (outside autograd), kernels and losses read it. Whoever writes must own the tensor.
     */
    public double[] storage() {
        return data;
    }

    // ---- autograd ----

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as needing a gradient (model parameters); returns this tensor. */
    public Tensor requiresGrad(boolean value) {
        if (inputs != null) {
            throw new IllegalArgumentException("requiresGrad can only be changed on leaf tensors");
        }
        requiresGrad = value;
        return this;
    }

    public boolean isLeaf() {
        return inputs == null && !released;
    }

    /** The accumulated gradient of a leaf, or null before any backward pass reached it. */
    public Tensor grad() {
        return grad == null ? null : new Tensor(grad.clone(), shape.clone());
    }

    /**
     * The gradient storage itself (for optimizers); null before the first backward pass. Valid until the next
     * {@link #zeroGrad()}, which may reuse the array for a later gradient.
     */
    public double[] gradStorage() {
        return grad;
    }

    /** Drops this tensor's gradient (PyTorch's {@code zero_grad(set_to_none=True)}, its default since 2.0). */
    public void zeroGrad() {
        Gradients.drop(this);
    }

    /** A zeroed array of this tensor's size for a backward rule to sum a gradient into (see {@link Gradients}). */
    double[] gradBuffer() {
        return Gradients.buffer(this);
    }

    /**
     * Adds {@code g} (same shape as this tensor) to the gradient; used by backward rules. The first
     * gradient is kept as it is, not copied, so a rule must hand each input an array of its own.
     */
    public void accumulateGrad(double[] g) {
        Gradients.accumulate(this, g);
    }

    /** A zeroed array for a result computed from this tensor (a loss's gradient, say): pooled when it is. */
    public double[] newArray(int length) {
        return ArrayPool.take(length, this);
    }

    /** Whether {@code array} is this tensor's gradient or the spare it keeps for one. */
    boolean holdsGrad(double[] array) {
        return grad == array || spareGrad == array;
    }

    /** A tensor with the same values and no history, like {@code tensor.detach()}. */
    public Tensor detach() {
        return new Tensor(data, shape);
    }

    /** A copy with no history. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** Computes d(this)/d(leaf) for every leaf that requires grad; this must be a one-element tensor. */
    public void backward() {
        Autograd.backward(this);
    }

    boolean isReleased() {
        return released;
    }

    void release() {
        released = true;
        inputs = null;
        backward = null;
    }

    // ---- operations (forward and backward live in the op classes) ----

    public Tensor add(Tensor other) {
        return Elementwise.add(this, other);
    }

    public Tensor add(double value) {
        return Elementwise.add(this, scalar(value));
    }

    public Tensor sub(Tensor other) {
        return Elementwise.sub(this, other);
    }

    public Tensor sub(double value) {
        return Elementwise.sub(this, scalar(value));
    }

    public Tensor mul(Tensor other) {
        return Elementwise.mul(this, other);
    }

    public Tensor mul(double value) {
        return Elementwise.mul(this, scalar(value));
    }

    public Tensor div(Tensor other) {
        return Elementwise.div(this, other);
    }

    public Tensor div(double value) {
        return Elementwise.div(this, scalar(value));
    }

    public Tensor neg() {
        return Pointwise.neg(this);
    }

    public Tensor pow(double exponent) {
        return Pointwise.pow(this, exponent);
    }

    public Tensor exp() {
        return Pointwise.exp(this);
    }

    public Tensor log() {
        return Pointwise.log(this);
    }

    public Tensor abs() {
        return Pointwise.abs(this);
    }

    public Tensor relu() {
        return Pointwise.relu(this);
    }

    public Tensor sigmoid() {
        return Pointwise.sigmoid(this);
    }

    public Tensor tanh() {
        return Pointwise.tanh(this);
    }

    public Tensor sum() {
        return Reductions.sum(this);
    }

    public Tensor mean() {
        return Reductions.mean(this);
    }

    /** Sums over one dimension, keeping it as size 1 when {@code keepDim}. */
    public Tensor sum(int dim, boolean keepDim) {
        return Reductions.sum(this, dim, keepDim);
    }

    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** The transpose of a matrix. */
    public Tensor t() {
        return ShapeOps.transpose(this);
    }

    public Tensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    public Tensor unsqueeze(int dim) {
        return ShapeOps.unsqueeze(this, dim);
    }

    public Tensor squeeze(int dim) {
        return ShapeOps.squeeze(this, dim);
    }

    /** log(softmax(x)) along {@code dim}, computed with the row maximum subtracted first. */
    public Tensor logSoftmax(int dim) {
        return Softmax.logSoftmax(this, dim);
    }

    public Tensor softmax(int dim) {
        return Softmax.softmax(this, dim);
    }

    /** Picks {@code out[i][0] = this[i][index[i][0]]} along dim 1 of a matrix, like {@code torch.gather}. */
    public Tensor gather(int dim, Tensor index) {
        return Softmax.gather(this, dim, index);
    }

    /** Indices of the maxima along {@code dim} (first one on ties), as a tensor of whole numbers. */
    public Tensor argmax(int dim) {
        return Softmax.argmax(this, dim);
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
