package org.nnplayground.run;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.data.Batch;
import org.nnplayground.data.DataLoader;
import org.nnplayground.data.Standardizer;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.loss.Loss;
import org.nnplayground.nn.EvalScope;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.StateDict;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.ArrayPool;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * A run in progress: its prepared data, a race of lanes (one copy of the network per optimizer, all from the
 * same initial weights) and a cursor whose batches every lane sees in the same order. {@link #step()} makes
 * one update per lane; a loss that becomes NaN or infinite stops the run and is reported with its step.
 * The JVM, the WebAssembly and the JavaScript engines all drive this class, so they compute the same bits.
 */
public final class TrainingRun {
    private final RunConfig config;
    private final PreparedData data;
    private final Loss loss;
    private final List<Lane> lanes = new ArrayList<>();
    /** The lanes' update arrays, reused from update to update and lane to lane (see {@link ArrayPool}). */
    private final ArrayPool pool = new ArrayPool();
    private StateDict startingWeights; // null: the weights come from the configuration's init seed
    private StateDict initialWeights;
    private EpochCursor cursor;
    private int step;
    private boolean pausesAtPlan; // the configuration's steps end the run until keepGoing()
    private String error;
    private CodedError failure; // the error, with its code and parameters for a page in another language
    private boolean updatesWatched; // see watchUpdates()

    public TrainingRun(RunConfig config) {
        this.config = config;
        this.data = new PreparedData(config);
        this.loss = config.createLoss();
        start();
    }

    /**
     * A network of the configuration's architecture; its weights come from {@code generator}, its dropout masks
     * from the configuration's dropout seed (every lane draws the same masks, as it sees the same batches).
     */
    private Sequential newNetwork(Generator generator) {
        return NetworkBuilder.build(config, config.inputWidth(), config.outputWidth(), generator,
                new Generator(config.dropoutSeed()));
    }

    /** (Re)builds the lanes and the cursor from the configuration's seeds. */
    private void start() {
        Sequential template = newNetwork(new Generator(config.initSeed()));
        if (startingWeights != null) {
            template.loadStateDict(startingWeights);
        }
        initialWeights = template.stateDict();
        lanes.clear();
        for (RunConfig.OptimizerSpec spec : config.optimizers()) {
            Sequential copy = newNetwork(new Generator(0));
            copy.loadStateDict(initialWeights);
            Lane lane = Lane.of(config, spec, copy, scoreLayers(copy), pool);
            if (updatesWatched) {
                lane.watchUpdates();
            }
            lanes.add(lane);
        }
        cursor = new EpochCursor(newLoader());
        step = 0;
        pausesAtPlan = true;
        error = null;
        failure = null;
    }

    private DataLoader newLoader() {
        return new DataLoader(data.train(), batchSize(), config.batchSize() != 0 && config.shuffle(), config.dropLast(),
                new Generator(config.shuffleSeed()));
    }

    /**
     * Starts every copy from these weights (say, a file from PyTorch) instead of the init seed's, and resets.
     * They must match the architecture exactly, as {@code load_state_dict(strict=True)} demands; if they do
     * not, the error names the keys and the run is left as it was.
     */
    public void startFrom(StateDict weights) {
        newNetwork(new Generator(0)).loadStateDict(weights);
        startingWeights = weights;
        start();
    }

    /** The weights every copy started from. */
    public StateDict initialStateDict() {
        return initialWeights;
    }

    /**
     * Each epoch's order of the training rows (as rows of {@link #data()}), for every epoch the run's steps
     * touch (see {@link EpochCursor#orders}). Drawn from a fresh loader, so the run is not disturbed.
     */
    public List<int[]> epochOrders() {
        return EpochCursor.orders(newLoader(), config.steps(), data);
    }

    /** The rows of each planned update's batch, from a fresh loader (the run is not disturbed). */
    int[] plannedBatchRows() {
        return EpochCursor.batchRows(newLoader(), config.steps());
    }

    /** The batch size the loader uses (all the training rows for full-batch descent). */
    public int batchSize() {
        int rows = data.train().size();
        return config.batchSize() == 0 ? rows : Math.min(config.batchSize(), rows);
    }

    /** Back to the same initial weights, data and batch order: the run can be replayed exactly. */
    public void reset() {
        start();
    }

    public RunConfig config() {
        return config;
    }

    private Batch nextBatch() {
        return cursor.nextBatch(data.train());
    }

    /** One update for every lane on the next batch; returns false once the run is over. */
    public boolean step() {
        if (isFinished()) {
            return false;
        }
        Batch batch = nextBatch();
        step++;
        for (int k = 0; k < lanes.size(); k++) {
            if (diverged(k, lanes.get(k).step(batch, loss, config.l1()))) {
                return false;
            }
        }
        endEpochIfDone();
        return !isFinished();
    }

    /**
     * For full-batch descent split over workers: each lane's gradient of training rows [from, to) for the next
     * update, flat with the loss sum at its end (see {@link GradientParts}), lanes one after the other. The
     * run does not move; {@link #stepWithParts} makes the update from all the workers' parts.
     */
    public double[] stepPart(int from, int to) {
        if (config.batchSize() != 0 || !config.rowsSplittable()) {
            throw new IllegalArgumentException("only a full-batch update without BatchNorm1d or Dropout can be split over workers");
        }
        TensorDataset train = data.train();
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        Batch part = train.rows(rows);
        double[][] lanesParts = new double[lanes.size()][];
        int size = 0;
        for (int k = 0; k < lanes.size(); k++) {
            lanesParts[k] = lanes.get(k).gradientPart(part, loss, train.targets());
            size += lanesParts[k].length;
        }
        double[] flat = new double[size];
        int at = 0;
        for (double[] lanePart : lanesParts) {
            System.arraycopy(lanePart, 0, flat, at, lanePart.length);
            at += lanePart.length;
        }
        return flat;
    }

    /**
     * One full-batch update for every lane from the sum of the workers' parts ({@link GradientParts#sum} of
     * their {@link #stepPart}s): the same bits as {@link #step()}. Returns false once the run is over.
     */
    public boolean stepWithParts(double[] sum) {
        if (isFinished()) {
            return false;
        }
        Batch batch = nextBatch();
        step++;
        int at = 0;
        for (int k = 0; k < lanes.size(); k++) {
            int length = lanes.get(k).net().parameterCount() + 1;
            double[] lanePart = new double[length];
            System.arraycopy(sum, at, lanePart, 0, length);
            at += length;
            if (diverged(k, lanes.get(k).stepWithGradient(lanePart, loss, config.l1(), batch.y()))) {
                return false;
            }
        }
        endEpochIfDone();
        return !isFinished();
    }

    /** After an epoch's last update, every lane's epoch schedule steps (PyTorch's scheduler.step() after the loop). */
    private void endEpochIfDone() {
        if (cursor.epochEnded()) {
            for (Lane lane : lanes) {
                lane.endEpoch();
            }
        }
    }

    /** Whether the run has a learning-rate schedule. */
    public boolean hasSchedule() {
        return config.scheduler() != null;
    }

    /** The learning rate each update of lane {@code index} used, from update {@code from} on. */
    public double[] ratesSince(int index, int from) {
        return lanes.get(index).ratesSince(from);
    }

    /** Whether lane k's loss is no longer finite; if so, the run stops with a message that says where. */
    private boolean diverged(int k, double lossValue) {
        if (Double.isFinite(lossValue)) {
            return false;
        }
        String value = Double.isNaN(lossValue) ? "NaN" : "infinite";
        String label = config.optimizers().get(k).label();
        error = "loss became " + value + " at step " + step + " (" + label + ") — try a smaller learning rate";
        failure = new CodedError("diverged", error, "value", value, "step", step, "optimizer", label);
        return true;
    }


    /** Over: diverged, or at the configuration's planned steps unless told to {@link #keepGoing()}. */
    public boolean isFinished() {
        return error != null || (pausesAtPlan && step >= config.steps());
    }

    /**
     * Trains on past the planned steps, open-ended, as a learner who presses play again expects; a diverged
     * run stays over. {@link #reset()} brings the plan back.
     */
    public void keepGoing() {
        pausesAtPlan = false;
    }

    /** Why the run stopped early, or null. */
    public String error() {
        return error;
    }

    /** The same with its code and parameters ("diverged": value, step, optimizer), or null. */
    public CodedError failure() {
        return failure;
    }

    public int stepCount() {
        return step;
    }

    /** Completed passes over the data (0 during the first). */
    public int epoch() {
        return cursor.epoch();
    }

    public int optimizerCount() {
        return lanes.size();
    }

    public Sequential network(int index) {
        return lanes.get(index).net();
    }

    public Optimizer optimizer(int index) {
        return lanes.get(index).optimizer();
    }

    /** Every point's inputs as the networks see them (standardized, made into features, as the run asks). */
    public Tensor inputsAsSeen() {
        return data.asSeen(data.all().inputs());
    }

    /** Every point as given (not standardized): the training and the test part together. */
    public TensorDataset data() {
        return data.all();
    }

    public int[] trainRows() {
        return data.trainRows();
    }

    /** Rows of {@link #data()} held out for testing; empty without a split. */
    public int[] testRows() {
        return data.testRows();
    }

    /** The standardization's statistics, or null. */
    public Standardizer standardizer() {
        return data.standardizer();
    }

    public boolean isClassification() {
        return config.dataset().isClassification();
    }

    /** Loss after each update of optimizer {@code index}. */
    public double[] lossHistory(int index) {
        return lanes.get(index).losses();
    }

    /**
     * Optimizer {@code index}'s losses from update {@code from} on: what a progress report sends, without
     * copying the whole history each time (which made a long run slow down as it grew).
     */
    public double[] lossesSince(int index, int from) {
        return lanes.get(index).lossesSince(from);
    }

    public double lastLoss(int index) {
        return lanes.get(index).lastLoss();
    }

    /** Sets a hyperparameter that may change mid-run; today the learning rate of every optimizer. */
    public void setLearningRate(double lr) {
        for (Lane lane : lanes) {
            lane.optimizer().setLr(lr);
        }
    }

    /**
     * From now on every update keeps the weights it starts from, so {@link Diagnostics} can tell the update's
     * size; a run nobody diagnoses does not pay for the copy.
     */
    public void watchUpdates() {
        updatesWatched = true;
        lanes.forEach(Lane::watchUpdates);
    }

    /** Per weight matrix of network {@code index}, ‖Δw‖ / ‖w‖ of its last update; null before a watched one. */
    double[] updateRatios(int index) {
        return lanes.get(index).updateRatios();
    }

    /** The criterion every lane trains with. */
    Loss loss() {
        return loss;
    }

    /** The training part as the networks see it. */
    TensorDataset trainingData() {
        return data.train();
    }

    /** Rows of raw inputs (flat, row-major) as the networks see them: input features, standardized. */
    Tensor asSeen(double[] inputs) {
        int features = config.dataset().features();
        if (inputs.length % features != 0) {
            throw new IllegalArgumentException("inputs must come in groups of " + features + " values, got " + inputs.length);
        }
        return data.asSeen(Tensor.of(inputs, inputs.length / features, features));
    }

    /**
     * The network's scores for rows of inputs (flat, row-major), in evaluation mode without building a graph: its outputs, or for a
     * network that ends in the loss's output layer (a Sigmoid, a LogSoftmax) the logits that layer takes, so the
     * pages read every classifier the same way (class 1 where a single score is above 0, else the largest).
     */
    public double[] predict(int index, double[] inputs) {
        Sequential net = network(index);
        try (EvalScope eval = net.evaluating()) { // model.eval(): no dropout, BatchNorm's running statistics
            return net.predict(asSeen(inputs), pool, scoreLayers(net)); // between updates, so the lanes' pool is free
        }
    }

    /** The layers up to the scores: all but the loss's output layer, if it asked for one. */
    private int scoreLayers(Sequential net) {
        return net.size() - (config.lossType().outputLayer() == null ? 0 : 1);
    }

    /** Loss and (for classification) accuracy of optimizer {@code index}'s network on the training data. */
    public double[] evaluate(int index) {
        return lanes.get(index).evaluate(data.train(), loss, isClassification());
    }

    /** The same on the test part, or null without one. */
    public double[] evaluateTest(int index) {
        return data.test() == null ? null : lanes.get(index).evaluate(data.test(), loss, isClassification());
    }

    /** The checkpoint of optimizer {@code index}'s network, with its optimizer state and this configuration. */
    public String exportCheckpoint(int index) {
        return CheckpointFile.write(network(index), optimizer(index), RunConfigJson.toJson(config));
    }
}
