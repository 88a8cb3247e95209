package org.nnplayground.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.nn.Identity;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.Tanh;
import org.nnplayground.random.Generator;

/** A training loop that reuses its arrays through a pool computes exactly what one that allocates afresh does. */
class ArrayPoolTest {
    /** Batches of two blocks (the tree's scratch arrays) and of odd sizes, so that arrays of many lengths come and go. */
    private static final int[] BATCH_ROWS = {300, 37, 300, 5, 37, 300};

    /** Weights and biases of a 3-16-16-2 net, and a loop that trains them by plain SGD. */
    private static final class Net {
        final List<Tensor> params = new ArrayList<>();

        Net() {
            Generator generator = new Generator(7);
            int[] sizes = {3, 16, 16, 2};
            for (int l = 0; l + 1 < sizes.length; l++) {
                params.add(Tensor.randn(generator, sizes[l + 1], sizes[l]).mul(0.5).detach().requiresGrad(true));
                params.add(Tensor.randn(generator, sizes[l + 1]).mul(0.1).detach().requiresGrad(true));
            }
        }

        /**
         * A graph with a branch (h2 feeds both relu and tanh, so its gradient arrives twice) and a ReLU that hands
         * its output's gradient on to its input, through all the ops that draw from a pool.
         */
        Tensor loss(Tensor x, Tensor labels, Tensor targets) {
            Tensor h1 = MatMul.linear(x, params.get(0), params.get(1)).relu();
            Tensor h2 = MatMul.linear(h1, params.get(2), params.get(3));
            Tensor h3 = h2.relu().add(h2.tanh());
            Tensor logits = MatMul.linear(h3, params.get(4), params.get(5));
            Tensor ce = new CrossEntropyLoss().forward(logits, labels);
            return ce.add(new MSELoss().forward(logits.sigmoid(), targets));
        }

        void step(Batch batch, ArrayPool pool) {
            for (Tensor p : params) {
                p.zeroGrad();
            }
            Tensor x = pool == null ? batch.x : pool.scope(batch.x);
            loss(x, batch.labels, batch.targets).backward();
            for (Tensor p : params) {
                double[] values = p.storage();
                double[] grad = p.gradStorage();
                for (int i = 0; i < values.length; i++) {
                    values[i] -= 0.1 * grad[i];
                }
            }
        }
    }

    private record Batch(Tensor x, Tensor labels, Tensor targets) {
        static Batch of(int rows, Generator generator) {
            double[] labels = new double[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = generator.uniform() < 0.5 ? 0 : 1;
            }
            return new Batch(Tensor.randn(generator, rows, 3), Tensor.of(labels), Tensor.rand(generator, rows, 2));
        }
    }

    private static List<Batch> batches() {
        Generator generator = new Generator(11);
        List<Batch> batches = new ArrayList<>();
        for (int rows : BATCH_ROWS) {
            batches.add(Batch.of(rows, generator));
        }
        return batches;
    }

    @Test
    void aPooledLoopTrainsToTheSameBitsAsAFreshOne() {
        Net fresh = new Net();
        Net pooled = new Net();
        ArrayPool pool = new ArrayPool();
        for (Batch batch : batches()) {
            fresh.step(batch, null);
            pooled.step(batch, pool);
        }
        for (int i = 0; i < fresh.params.size(); i++) {
            assertArrayEquals(fresh.params.get(i).storage(), pooled.params.get(i).storage(), "parameter " + i);
        }
        assertTrue(pool.spareCount() > 0, "the pool keeps the step's arrays for the next");
    }

    @Test
    void theNextStepDrawsTheArraysTheLastOneGaveBack() {
        ArrayPool pool = new ArrayPool();
        Tensor w = Tensor.ones(4, 2).requiresGrad(true);
        Tensor first = MatMul.linear(pool.scope(Tensor.ones(3, 2)), w, null);
        double[] firstValues = first.storage();
        first.relu().sum().backward();
        Tensor second = MatMul.linear(pool.scope(Tensor.ones(3, 2)), w, null);
        assertSame(firstValues, second.storage());
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, second.storage());
    }

    @Test
    void theLossItselfIsNeverGivenBack() {
        ArrayPool pool = new ArrayPool();
        Tensor w = Tensor.full(0.5, 1, 2).requiresGrad(true);
        Tensor loss = MatMul.linear(pool.scope(Tensor.ones(3, 2)), w, null).sum();
        loss.backward();
        MatMul.linear(pool.scope(Tensor.full(9, 1, 2)), w, null);
        assertEquals(3.0, loss.item());
    }

    /**
     * Predictions of many sizes, one after another, each layer's result handed back once read: each equals a
     * fresh forward pass, though the arrays it draws held another prediction's layers (and an Identity layer
     * hands its input on as its result, which must not be given back twice).
     */
    @Test
    void aPooledPredictionEqualsAFreshForwardPass() {
        Generator generator = new Generator(5);
        Sequential net = new Sequential(new Linear(3, 16, generator), new ReLU(), new Identity(),
                new Linear(16, 16, generator), new Tanh(), new Linear(16, 2, generator));
        ArrayPool pool = new ArrayPool();
        for (int rows : new int[] {6400, 37, 6400, 5, 6400}) {
            Tensor points = Tensor.randn(generator, rows, 3);
            double[] fresh;
            try (GradMode.Scope scope = GradMode.noGrad()) {
                fresh = net.forward(points).toArray();
            }
            assertArrayEquals(fresh, net.predict(points, pool), rows + " points");
        }
        assertTrue(pool.spareCount() > 0, "the pool keeps a prediction's arrays for the next");
    }

    @Test
    void aPoolKeepsABoundedNumberOfSparesPerLength() {
        ArrayPool pool = new ArrayPool();
        for (int i = 0; i < 100; i++) {
            pool.give(new double[5]);
        }
        assertEquals(ArrayPool.PER_LENGTH, pool.spareCount());
    }
}
