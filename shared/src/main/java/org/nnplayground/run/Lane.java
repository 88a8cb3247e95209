package org.nnplayground.run;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.catalog.Schedulers;
import org.nnplayground.data.Batch;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.loss.Loss;
import org.nnplayground.nn.ClipGrad;
import org.nnplayground.nn.EvalScope;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Sequential;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.tensor.ArrayPool;
import org.nnplayground.tensor.GradMode;
import org.nnplayground.tensor.Tensor;

/** One runner of a race: a copy of the network, the optimizer that trains it, and its loss after each update. */
final class Lane {
    private final Sequential net;
    private final Optimizer optimizer;
    private final LossHistory history;
    /** The learning rate each update used (a schedule changes it). */
    private final LossHistory rates;
    /** The learning-rate schedule, or null; stepped after every update or at every epoch's end. */
    private Schedulers.Schedule schedule;
    private boolean scheduleEveryUpdate;
    private double epochLossSum;
    private int epochBatches;
    /** Gradient clipping before each step: the 2-norm's maximum, or each value's bound; NaN for none. */
    private double clipNorm = Double.NaN;
    private double clipValue = Double.NaN;
    /** The layers' weight matrices (not the biases): what L1 regularization sums over. */
    private final List<Tensor> weights = new ArrayList<>();
    /** Once watched: the weight matrices as they were before the last update (null until one is made). */
    private double[][] beforeUpdate;
    private boolean watched;
    /** The arrays of one update, reused by the next: nothing of an update but its loss is read after backward. */
    private final ArrayPool pool;
    private final int scoreLayers;

    /**
     * The lane of {@code config}'s optimizer {@code spec} training {@code net}: its gradients clipped and its learning
     * rate scheduled as the configuration asks.
     */
    static Lane of(RunConfig config, RunConfig.OptimizerSpec spec, Sequential net, int scoreLayers, ArrayPool pool) {
        Optimizer optimizer = spec.type().build(net.parameters(), spec.options());
        Lane lane = new Lane(net, optimizer, scoreLayers, pool, config.steps());
        lane.clip(config.clipGradNorm(), config.clipGradValue());
        if (config.scheduler() != null) {
            Schedulers.Type schedule = config.schedulerType();
            lane.schedule(schedule.build(optimizer, config.schedulerOptions()), schedule.everyUpdate());
        }
        return lane;
    }

    /**
     * @param scoreLayers the layers up to the class scores (logits) accuracy reads: all but an output layer the loss
     *     asked for (a Sigmoid's input decides the class as its output does, with the page's threshold 0)
     * @param pool the run's, shared by its lanes (they update one after the other)
     * @param planned the run's planned updates, whose losses are all kept (see LossHistory)
     */
    Lane(Sequential net, Optimizer optimizer, int scoreLayers, ArrayPool pool, int planned) {
        this.net = net;
        this.history = new LossHistory(planned);
        this.rates = new LossHistory(planned);
        this.scoreLayers = scoreLayers;
        this.optimizer = optimizer;
        this.pool = pool;
        for (int i = 0; i < net.size(); i++) {
            if (net.get(i) instanceof Linear linear) { // the layers' weights, not a PReLU's slopes
                weights.add(linear.weight());
            }
        }
    }

    /**
     * The course's update on one batch: zero_grad, forward, loss, backward, step. With an L1 rate, the loss
     * trained on adds rate·Σ|w| over the layers' weights (not biases), as TensorFlow Playground does; the
     * history keeps the data's loss alone. Returns that loss; one that is not finite is recorded but not
     * stepped on, and the caller stops the run.
     */
    double step(Batch batch, Loss loss, double l1) {
        optimizer.zeroGrad();
        Tensor value = loss.forward(net.forward(pool.scope(batch.x())), batch.y());
        double lossValue = value.item();
        history.add(lossValue);
        rates.add(optimizer.lr());
        if (Double.isFinite(lossValue)) {
            (l1 > 0 ? value.add(weightsL1().mul(l1)) : value).backward();
            clipGradients();
            if (watched) {
                keepWeightsBeforeUpdate();
            }
            optimizer.step();
            afterUpdate(lossValue);
        }
        return lossValue;
    }

    /** Clips the gradients before every step: clip_grad_value_ with {@code value}, then clip_grad_norm_ with {@code norm} (NaN: not). */
    void clip(double norm, double value) {
        clipNorm = norm;
        clipValue = value;
    }

    private void clipGradients() {
        if (!Double.isNaN(clipValue)) {
            ClipGrad.clipGradValue(net.parameters(), clipValue);
        }
        if (!Double.isNaN(clipNorm)) {
            ClipGrad.clipGradNorm(net.parameters(), clipNorm);
        }
    }

    /** Schedules this lane's learning rate: after every update ({@code everyUpdate}) or at every epoch's end. */
    void schedule(Schedulers.Schedule schedule, boolean everyUpdate) {
        this.schedule = schedule;
        this.scheduleEveryUpdate = everyUpdate;
    }

    private void afterUpdate(double lossValue) {
        epochLossSum += lossValue;
        epochBatches++;
        if (schedule != null && scheduleEveryUpdate) {
            schedule.step(lossValue);
        }
    }

    /** The epoch's last update is made: an epoch's schedule steps, given the epoch's mean batch loss. */
    void endEpoch() {
        if (schedule != null && !scheduleEveryUpdate && epochBatches > 0) {
            schedule.step(epochLossSum / epochBatches);
        }
        epochLossSum = 0;
        epochBatches = 0;
    }

    /** The learning rate of each update from update {@code from} on. */
    double[] ratesSince(int from) {
        return rates.since(from);
    }

    /** This lane's share of a full-batch update split over workers: see {@link GradientParts#of}. */
    double[] gradientPart(Batch rows, Loss loss, Tensor batchTarget) {
        return GradientParts.of(net, loss, rows, batchTarget, pool);
    }

    /**
     * The same update as {@link #step} on a batch split over workers: {@code sum} is the parts' gradient sum
     * with the loss sum at its end (see {@link GradientParts}); the batch's targets are
     * {@code batchTarget}. Returns the loss, as step does.
     */
    double stepWithGradient(double[] sum, Loss loss, double l1, Tensor batchTarget) {
        optimizer.zeroGrad();
        double lossValue = loss.ofParts(sum[sum.length - 1], batchTarget);
        history.add(lossValue);
        rates.add(optimizer.lr());
        if (Double.isFinite(lossValue)) {
            GradientParts.setGradients(net.parameters(), sum);
            if (l1 > 0) {
                weightsL1().mul(l1).backward(); // added to the data's gradient, as one backward pass adds them
            }
            clipGradients();
            if (watched) {
                keepWeightsBeforeUpdate();
            }
            optimizer.step();
            afterUpdate(lossValue);
        }
        return lossValue;
    }

    /** From now on, each update keeps a copy of the weights it starts from (a few microseconds an update). */
    void watchUpdates() {
        watched = true;
    }

    private void keepWeightsBeforeUpdate() {
        if (beforeUpdate == null) {
            beforeUpdate = new double[weights.size()][];
            for (int i = 0; i < weights.size(); i++) {
                beforeUpdate[i] = new double[weights.get(i).numel()];
            }
        }
        for (int i = 0; i < weights.size(); i++) {
            System.arraycopy(weights.get(i).storage(), 0, beforeUpdate[i], 0, beforeUpdate[i].length);
        }
    }

    /** Per weight matrix, ‖w − w before the last update‖ / ‖w‖; null before a watched update. */
    double[] updateRatios() {
        if (beforeUpdate == null) {
            return null;
        }
        double[] ratios = new double[weights.size()];
        for (int i = 0; i < weights.size(); i++) {
            double[] now = weights.get(i).storage();
            double change = 0;
            double size = 0;
            for (int j = 0; j < now.length; j++) {
                double d = now[j] - beforeUpdate[i][j];
                change += d * d;
                size += now[j] * now[j];
            }
            ratios[i] = Math.sqrt(change) / Math.sqrt(size);
        }
        return ratios;
    }

    /** Σ|w| over every weight matrix of the network, in its parameters' order. */
    private Tensor weightsL1() {
        Tensor sum = weights.get(0).abs().sum();
        for (int i = 1; i < weights.size(); i++) {
            sum = sum.add(weights.get(i).abs().sum());
        }
        return sum;
    }

    /** Loss and, for classification, accuracy on a whole part of the data, in evaluation mode, without building a graph. */
    double[] evaluate(TensorDataset part, Loss loss, boolean classification) {
        try (GradMode.Scope scope = GradMode.noGrad(); EvalScope eval = net.evaluating()) {
            Tensor scores = net.forward(part.inputs(), 0, scoreLayers);
            Tensor out = net.forward(scores, scoreLayers, net.size());
            double lossValue = loss.forward(out, part.targets()).item();
            if (!classification) {
                return new double[] {lossValue};
            }
            return new double[] {lossValue, Metrics.accuracy(scores, part.targets())};
        }
    }

    Sequential net() {
        return net;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    double[] losses() {
        return history.toArray();
    }

    double[] lossesSince(int from) {
        return history.since(from);
    }

    double lastLoss() {
        return history.size() == 0 ? Double.NaN : history.get(history.size() - 1);
    }
}
