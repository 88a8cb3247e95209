package org.nnplayground.tensor;

/** Operations that rearrange values without computing: reshape, unsqueeze, squeeze, transpose, cat. */
final class ShapeOps {
    private ShapeOps() {
    }

    /** Same values in a new shape; one size may be -1 and is then inferred. */
    static Tensor reshape(Tensor input, int[] requested) {
        int[] shape = requested.clone();
        int inferred = -1;
        int known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred in " + Shape.format(requested));
                }
                inferred = i;
            } else {
                if (shape[i] < 0) {
                    throw new IllegalArgumentException("invalid shape " + Shape.format(requested));
                }
                known *= shape[i];
            }
        }
        if (inferred >= 0 && known != 0 && input.data.length % known == 0) {
            shape[inferred] = input.data.length / known;
        }
        if (inferred >= 0 && shape[inferred] == -1 || Shape.numel(shape) != input.data.length) {
            throw new IllegalArgumentException("shape " + Shape.format(requested) + " is invalid for input of size "
                    + input.data.length);
        }
        return view(input, shape);
    }

    static Tensor unsqueeze(Tensor input, int dim) {
        int rank = input.shape.length;
        int d = Shape.dim(dim, rank + 1);
        int[] shape = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            shape[i] = i == d ? 1 : input.shape[j++];
        }
        return view(input, shape);
    }

    /** Removes dimension {@code dim} if its size is 1 (otherwise returns the same shape, as PyTorch does). */
    static Tensor squeeze(Tensor input, int dim) {
        int rank = input.shape.length;
        int d = Shape.dim(dim, rank);
        if (input.shape[d] != 1) {
            return view(input, input.shape.clone());
        }
        int[] shape = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != d) {
                shape[j++] = input.shape[i];
            }
        }
        return view(input, shape);
    }

    /** A tensor sharing nothing with the input but its values, whose gradient flows back unchanged. */
    private static Tensor view(Tensor input, int[] shape) {
        return Tensor.derived(input.data.clone(), shape, input::accumulateGrad, input);
    }

    static Tensor transpose(Tensor input) {
        if (input.shape.length != 2) {
            throw new IllegalArgumentException("t() expects a matrix, got shape " + Shape.format(input.shape));
        }
        int rows = input.shape[0];
        int cols = input.shape[1];
        double[] out = transposed(input.data, rows, cols);
        return Tensor.derived(out, new int[] {cols, rows}, g -> input.accumulateGrad(transposed(g, cols, rows)), input);
    }

    private static double[] transposed(double[] values, int rows, int cols) {
        double[] out = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    static Tensor cat(int dim, Tensor[] tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("cat expects at least one tensor");
        }
        int[] first = tensors[0].shape;
        int d = Shape.dim(dim, first.length);
        int total = 0;
        for (Tensor t : tensors) {
            if (t.shape.length != first.length) {
                throw new IllegalArgumentException("cat: tensors must have the same rank, got "
                        + Shape.format(first) + " and " + Shape.format(t.shape));
            }
            for (int i = 0; i < first.length; i++) {
                if (i != d && t.shape[i] != first[i]) {
                    throw new IllegalArgumentException("cat: sizes of tensors must match except in dimension " + d
                            + ", got " + Shape.format(first) + " and " + Shape.format(t.shape));
                }
            }
            total += t.shape[d];
        }
        int outer = 1;
        for (int i = 0; i < d; i++) {
            outer *= first[i];
        }
        int inner = 1;
        for (int i = d + 1; i < first.length; i++) {
            inner *= first[i];
        }
        int[] shape = first.clone();
        shape[d] = total;
        double[] out = new double[Shape.numel(shape)];
        int offset = 0;
        for (Tensor t : tensors) {
            int block = t.shape[d] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(t.data, o * block, out, o * total * inner + offset, block);
            }
            offset += block;
        }
        int innerSize = inner;
        int outerSize = outer;
        int totalSize = total;
        return Tensor.derived(out, shape, g -> {
            int start = 0;
            for (Tensor t : tensors) {
                int block = t.shape[d] * innerSize;
                double[] gt = new double[t.data.length];
                for (int o = 0; o < outerSize; o++) {
                    System.arraycopy(g, o * totalSize * innerSize + start, gt, o * block, block);
                }
                t.accumulateGrad(gt);
                start += block;
            }
        }, tensors);
    }
}
