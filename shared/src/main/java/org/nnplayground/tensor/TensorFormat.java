package org.nnplayground.tensor;

/** A short printout in PyTorch's spirit: {@code tensor([[0.1, 0.2]], requires_grad=True)}. */
final class TensorFormat {
    private static final int MAX_SHOWN = 20;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        StringBuilder text = new StringBuilder("tensor(");
        if (t.shape.length == 0) {
            text.append(t.data[0]);
        } else if (t.data.length > MAX_SHOWN) {
            text.append("<").append(t.data.length).append(" values>, shape=").append(Shape.format(t.shape));
        } else {
            appendNested(text, t, 0, 0);
        }
        if (t.requiresGrad()) {
            text.append(", requires_grad=True");
        }
        return text.append(')').toString();
    }

    private static int appendNested(StringBuilder text, Tensor t, int dim, int offset) {
        text.append('[');
        int size = t.shape[dim];
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            if (dim == t.shape.length - 1) {
                text.append(t.data[offset++]);
            } else {
                offset = appendNested(text, t, dim + 1, offset);
            }
        }
        text.append(']');
        return offset;
    }
}
