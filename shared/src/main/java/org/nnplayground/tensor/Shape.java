package org.nnplayground.tensor;

/** Shape arithmetic and the messages shape errors carry: PyTorch's {@code [2, 3]} notation. */
public final class Shape {
    /** A scalar's shape, (): shared, as no tensor changes its shape array. */
    public static final int[] SCALAR = new int[0];

    private Shape() {
    }

    /** The number of elements of a tensor with this shape; rejects negative sizes. */
    public static int numel(int[] shape) {
        int n = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
            n *= size;
        }
        return n;
    }

    public static String format(int[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(shape[i]);
        }
        return text.append(']').toString();
    }


    /** Row-major strides of a contiguous tensor. */
    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    /** The broadcast shape of a and b under NumPy/PyTorch rules, or an error naming both shapes. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + format(a) + " and " + format(b)
                        + " cannot be broadcast together (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides for reading an operand of {@code shape} as if it had the broadcast shape {@code out}. */
    static int[] broadcastStrides(int[] shape, int[] out) {
        int[] own = strides(shape);
        int[] result = new int[out.length];
        int offset = out.length - shape.length;
        for (int i = offset; i < out.length; i++) {
            result[i] = shape[i - offset] == 1 ? 0 : own[i - offset];
        }
        return result;
    }

    /** Normalises a possibly negative dimension index against a rank, as PyTorch does. */
    static int dim(int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException("dimension " + dim + " is out of range for a tensor of rank " + rank);
        }
        return d;
    }
}
