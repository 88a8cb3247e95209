package org.nnplayground.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverse-mode differentiation: orders the graph behind a scalar so that each node comes after every
 * node that uses it, then runs the backward rules in that order. The walk uses an explicit stack, so
 * deep graphs cannot overflow the call stack (which in the browser builds would be fatal).
 */
final class Autograd {
    private Autograd() {
    }

    static void backward(Tensor root) {
        if (root.data.length != 1) {
            throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs (shape "
                    + Shape.format(root.shape) + ")");
        }
        if (root.isReleased()) {
            throw new IllegalStateException("Trying to backward through the graph a second time");
        }
        if (!root.requiresGrad()) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        List<Tensor> postOrder = postOrder(root);
        try {
            propagate(root, postOrder);
        } finally {
            postOrder.clear(); // a pooled walk's list is kept for the next: it must not keep the graph alive
        }
    }

    private static void propagate(Tensor root, List<Tensor> postOrder) {
        root.accumulateGrad(new double[] {1.0});
        for (int i = postOrder.size() - 1; i >= 0; i--) { // root first, every node before its inputs
            Tensor node = postOrder.get(i);
            if (node.backward == null) {
                continue;
            }
            double[] gradOut = node.grad;
            if (gradOut != null) {
                node.backward.propagate(gradOut);
            }
            if (node.pool != null && node != root) {
                giveBack(node, gradOut);
            }
            // Like PyTorch, intermediate results keep no gradient and the graph is freed after use.
            node.grad = null;
            node.release();
        }
    }

    /**
     * Gives a pooled node's arrays back once its rule has run: every rule that reads its values (its consumers',
     * earlier in the order, and its own) is done. The gradient only when no input took it over as its own.
     */
    private static void giveBack(Tensor node, double[] gradOut) {
        if (gradOut != null && !heldByAnInput(node, gradOut)) {
            node.pool.give(gradOut);
        }
        node.pool.give(node.data);
    }

    private static boolean heldByAnInput(Tensor node, double[] grad) {
        for (Tensor input : node.inputs) {
            if (input.holdsGrad(grad)) {
                return true;
            }
        }
        return false;
    }

    /** Nodes reachable from root with history, every node after its inputs, root last. */
    private static List<Tensor> postOrder(Tensor root) {
        // A fresh token per walk marks nodes visited without a hash set (and without shared counters).
        Object walk = new Object();
        // A training loop's graph (a pooled one) walks the same lists every step; they are empty between walks.
        List<Tensor> postOrder = root.pool != null ? root.pool.walkOrder : new ArrayList<>();
        List<Tensor> stack = root.pool != null ? root.pool.walkStack : new ArrayList<>();
        postOrder.clear();
        stack.clear(); // a walk that threw left its stack behind
        stack.add(root);
        root.visitedBy = walk;
        root.walkNext = 0;
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Tensor node = stack.get(top);
            int child = node.walkNext;
            Tensor[] inputs = node.inputs;
            if (inputs != null && child < inputs.length) {
                node.walkNext = child + 1;
                Tensor input = inputs[child];
                if (input.isReleased() && input.requiresGrad()) {
                    throw new IllegalStateException("Trying to backward through the graph a second time");
                }
                if (input.inputs != null && input.visitedBy != walk) {
                    input.visitedBy = walk;
                    input.walkNext = 0;
                    stack.add(input);
                }
            } else {
                stack.remove(top);
                postOrder.add(node);
            }
        }
        return postOrder;
    }
}
