package org.nnplayground.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Arrays a training loop hands from one step to the next, so that a step does not allocate its activations and
 * gradients afresh (in the browser, freeing megabytes a step keeps a second core busy collecting garbage).
 *
 * <p>A loop opts in with {@link #scope}: every op on the returned tensor, and on what is computed from it, draws
 * its output from this pool, and {@link Tensor#backward()} gives each intermediate result's values and gradient
 * back once nothing in the graph can read them again. The loop promises to read nothing but the loss after
 * backward: an intermediate result it kept would see its values overwritten by the next step. The pool is
 * owned by one loop (one thread) and keeps at most {@link #PER_LENGTH} spare arrays of any one length.
 */
public final class ArrayPool {
    /** More than a deep network's activations and gradients of one width alive at once. */
    static final int PER_LENGTH = 32;

    private int[] lengths = new int[4];
    private double[][][] spares = new double[4][][];
    private int[] counts = new int[4];
    private int buckets;
    private final int[][] shapes = new int[8][];
    private int nextShape;
    // The backward walk's lists (see Autograd), kept from one step to the next and emptied after each walk.
    final List<Tensor> walkOrder = new ArrayList<>();
    final List<Tensor> walkStack = new ArrayList<>();

    /** A leaf over the same values as {@code tensor} (its gradient is not wanted) whose graph draws from this pool. */
    public Tensor scope(Tensor tensor) {
        Tensor leaf = tensor.detach();
        leaf.pool = this;
        return leaf;
    }

    /** A zeroed array of {@code length}: a spare one when there is one. */
    double[] take(int length) {
        int b = bucket(length);
        if (b < 0 || counts[b] == 0) {
            return new double[length];
        }
        double[] array = spares[b][--counts[b]];
        spares[b][counts[b]] = null;
        java.util.Arrays.fill(array, 0.0);
        return array;
    }

    /**
     * Takes back the values of {@code result}, computed from a {@link #scope} of this pool, for a loop that reads
     * it no more (a no-grad forward pass hands each layer's result back once the next has read it). A tensor this
     * pool did not make is left alone.
     */
    public void giveBack(Tensor result) {
        if (result.pool == this) {
            give(result.data);
        }
    }

    /** Keeps {@code array} for a later {@link #take}; the caller must hold no reference to it any more. */
    void give(double[] array) {
        int b = bucket(array.length);
        if (b < 0) {
            b = addBucket(array.length);
        }
        if (counts[b] < PER_LENGTH) {
            spares[b][counts[b]++] = array;
        }
    }

    /**
     * The shape (rows, columns), shared by every result of that shape the loop computes (a shape array is never
     * changed): in the browser's JavaScript build each new array is a typed array, costly to make and collect.
     */
    int[] shape(int rows, int columns) {
        for (int[] shape : shapes) {
            if (shape != null && shape[0] == rows && shape[1] == columns) {
                return shape;
            }
        }
        int[] shape = {rows, columns};
        shapes[nextShape] = shape;
        nextShape = (nextShape + 1) % shapes.length;
        return shape;
    }

    /** How many spare arrays the pool holds (for tests). */
    int spareCount() {
        int total = 0;
        for (int b = 0; b < buckets; b++) {
            total += counts[b];
        }
        return total;
    }

    private int bucket(int length) {
        for (int b = 0; b < buckets; b++) {
            if (lengths[b] == length) {
                return b;
            }
        }
        return -1;
    }

    private int addBucket(int length) {
        if (buckets == lengths.length) {
            lengths = java.util.Arrays.copyOf(lengths, buckets * 2);
            spares = java.util.Arrays.copyOf(spares, buckets * 2);
            counts = java.util.Arrays.copyOf(counts, buckets * 2);
        }
        lengths[buckets] = length;
        spares[buckets] = new double[PER_LENGTH][];
        return buckets++;
    }

    /** A zeroed array of {@code length} from the pool of {@code input}'s graph when it has one, else a new one. */
    static double[] take(int length, Tensor input) {
        return input.pool == null ? new double[length] : input.pool.take(length);
    }

    /** The pool of the first input that has one (an op's output draws from it too), or null. */
    static ArrayPool of(Tensor[] inputs) {
        for (Tensor input : inputs) {
            if (input.pool != null) {
                return input.pool;
            }
        }
        return null;
    }
}
