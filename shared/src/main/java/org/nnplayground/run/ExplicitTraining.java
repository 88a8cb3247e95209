package org.nnplayground.run;

import java.util.Map;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.Loss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.StateDict;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.ArrayPool;
import org.nnplayground.tensor.GradMode;
import org.nnplayground.tensor.Tensor;

/**
 * Training specified entirely from outside — data, initial weights and batch order — as the benchmark
 * harness does, so that every implementation it compares trains on exactly the same numbers. The net is
 * Linear layers with ReLU between them; the loss MSE (regression) or cross-entropy (classification).
 */
public final class ExplicitTraining {
    private final Sequential net;
    private final Optimizer optimizer;
    private final Loss loss;
    private final TensorDataset data;
    private final int steps;
    private final int[][][] orders;
    /** The arrays of one update, reused by the next (a step reads nothing back after backward). */
    private final ArrayPool pool = new ArrayPool();

    /**
     * @param sizes layer widths, input first
     * @param weights per layer {W row-major [out][in], b}
     * @param targets [n][out] values for regression, [n] class indices for classification
     * @param orders per epoch, per batch, sample indices; null for {@code steps} full-batch steps
     */
    public ExplicitTraining(int[] sizes, double[][][] weights, boolean classification, String optimizerName,
            Map<String, ?> hyperparameters, double[] inputs, double[] targets, int steps, int[][][] orders) {
        if (weights.length != sizes.length - 1) {
            throw new IllegalArgumentException("need weights for " + (sizes.length - 1) + " layers, got " + weights.length);
        }
        int n = inputs.length / sizes[0];
        net = new Sequential();
        StateDict initial = new StateDict();
        Generator unused = new Generator(0);
        for (int l = 0; l < weights.length; l++) {
            if (l > 0) {
                net.add(new ReLU());
            }
            int index = net.size();
            net.add(new Linear(sizes[l], sizes[l + 1], unused));
            initial.put(index + ".weight", Tensor.of(weights[l][0], sizes[l + 1], sizes[l]));
            initial.put(index + ".bias", Tensor.of(weights[l][1], sizes[l + 1]));
        }
        net.loadStateDict(initial);
        optimizer = Optimizers.create(optimizerName, net.parameters(), Optimizers.kwargs(optimizerName, hyperparameters));
        loss = classification ? new CrossEntropyLoss() : new MSELoss();
        Tensor y = classification ? Tensor.of(targets) : Tensor.of(targets, n, sizes[sizes.length - 1]);
        data = new TensorDataset(Tensor.of(inputs, n, sizes[0]), y);
        this.steps = steps;
        this.orders = orders;
    }

    /** Runs the whole training; returns the number of updates. */
    public int train() {
        int updates = 0;
        if (orders == null) {
            Tensor x = data.inputs();
            Tensor y = data.targets();
            for (int s = 0; s < steps; s++) {
                optimizer.zeroGrad();
                loss.forward(net.forward(pool.scope(x)), y).backward();
                optimizer.step();
                updates++;
            }
            return updates;
        }
        for (int[][] epoch : orders) {
            for (int[] rows : epoch) {
                org.nnplayground.data.Batch batch = data.rows(rows);
                optimizer.zeroGrad();
                loss.forward(net.forward(pool.scope(batch.x())), batch.y()).backward();
                optimizer.step();
                updates++;
            }
        }
        return updates;
    }

    /**
     * For a full-batch step split over workers (see {@link GradientParts}): the gradient of rows [from, to) of the
     * data, with their loss sum at its end; the network does not move.
     */
    public double[] stepPart(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return GradientParts.of(net, loss, data.rows(rows), data.targets(), pool);
    }

    /** One full-batch step from the sum of every worker's part: the same bits as a step of {@link #train()}. */
    public void stepWithParts(double[] sum) {
        optimizer.zeroGrad();
        GradientParts.setGradients(net.parameters(), sum);
        optimizer.step();
    }

    /** The rows of the data: a full batch. */
    public int rows() {
        return data.size();
    }

    /** The number of full-batch steps {@link #train()} makes (0 when it follows given batch orders). */
    public int fullBatchSteps() {
        return orders == null ? steps : 0;
    }

    /** The network's outputs for every sample (logits for classification), row by row. */
    public double[] outputs() {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            return net.forward(data.inputs()).toArray();
        }
    }

    /** The loss on all the data. */
    public double fullLoss() {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            return loss.forward(net.forward(data.inputs()), data.targets()).item();
        }
    }

    public Module network() {
        return net;
    }
}
