package org.nnplayground.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Construction, autograd bookkeeping and shape errors behave as in PyTorch. */
class TensorTest {
    @Test
    void linspaceFillsFromBothEndsLikePytorch() {
        Tensor t = Tensor.linspace(-1, 1, 5);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, t.toArray());
        assertEquals(1.0, Tensor.linspace(-1, 1, 100).get(99));
    }

    @Test
    void noGradScopeBuildsNoGraph() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor y = w.mul(2.0);
            assertFalse(y.requiresGrad());
            assertTrue(y.isLeaf());
        }
        assertTrue(w.mul(2.0).requiresGrad());
    }

    @Test
    void backwardTwiceThroughTheSameGraphIsRefused() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor loss = w.mul(w).sum();
        loss.backward();
        assertThrows(IllegalStateException.class, loss::backward);
    }

    @Test
    void backwardNeedsAScalar() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        assertThrows(IllegalArgumentException.class, () -> w.mul(2.0).backward());
    }

    @Test
    void intermediateResultsKeepNoGradient() {
        Tensor w = Tensor.of(new double[] {3}).requiresGrad(true);
        Tensor hidden = w.mul(2.0);
        hidden.mul(hidden).sum().backward();
        assertNull(hidden.grad());
        assertEquals(24.0, w.grad().item());
    }

    @Test
    void shapeErrorsNameBothShapes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).add(Tensor.zeros(4))).getMessage();
        assertTrue(message.contains("[2, 3]") && message.contains("[4]"), message);
        message = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3))).getMessage();
        assertTrue(message.contains("[2, 3] and [2, 3]"), message);
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(6).reshape(4, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[] {1, 2, 3}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 2).gather(1, Tensor.of(new double[] {0, 2, 1}, 3, 1)));
    }

    @Test
    void catJoinsAlongTheGivenDimension() {
        Tensor a = Tensor.of(new double[][] {{1, 2}});
        Tensor b = Tensor.of(new double[][] {{3, 4}});
        assertArrayEquals(new int[] {2, 2}, Tensor.cat(0, a, b).shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, Tensor.cat(1, a, b).toArray());
    }

    @Test
    void argmaxPicksTheFirstMaximum() {
        Tensor t = Tensor.of(new double[][] {{1, 3, 3}, {5, 0, 1}});
        assertArrayEquals(new double[] {1, 0}, t.argmax(1).toArray());
    }

    @Test
    void hugeLogitsStayFiniteInLogSoftmax() {
        Tensor t = Tensor.of(new double[][] {{1000, -1000, 0}});
        double[] out = t.logSoftmax(1).toArray();
        assertEquals(0.0, out[0]);
        assertEquals(-2000.0, out[1]);
    }
}
