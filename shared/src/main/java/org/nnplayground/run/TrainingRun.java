package org.nnplayground.run;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.data.Batch;
import org.nnplayground.data.DataLoader;
import org.nnplayground.data.Standardizer;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.data.TrainTestSplit;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.loss.Loss;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.StateDict;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.GradMode;
import org.nnplayground.tensor.Tensor;

/**
 * A run in progress: the dataset, one copy of the network per optimizer (all from the same initial
 * weights), and a loader whose batches every optimizer sees in the same order. {@link #step()} makes one
 * update per optimizer; a loss that becomes NaN or infinite stops the run and is reported with its step.
 * The JVM, the WebAssembly and the JavaScript engines all drive this class, so they compute the same bits.
 */
public final class TrainingRun {
    private final RunConfig config;
    private final TensorDataset data;
    private final boolean classification;
    private final Loss loss;
    private final List<Sequential> nets = new ArrayList<>();
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final List<LossHistory> histories = new ArrayList<>();
    /** Rows of {@link #data} in the training and the test part (all rows train without a split). */
    private final int[] trainRows;
    private final int[] testRows;
    private final Standardizer standardizer;
    /** The parts as the networks see them (inputs standardized when asked). */
    private final TensorDataset train;
    private final TensorDataset test;
    private StateDict startingWeights; // null: the weights come from the configuration's init seed
    private StateDict initialWeights;
    private DataLoader loader;
    private List<int[]> epochBatches;
    private int batchInEpoch;
    private int step;
    private int epoch;
    private String error;

    public TrainingRun(RunConfig config) {
        this.config = config;
        this.data = config.lossType().shapeTargets(config.dataset().build());
        this.classification = config.dataset().isClassification();
        this.loss = config.lossType().create();
        TensorDataset trainRaw = data;
        TensorDataset testRaw = null;
        if (config.testFraction() > 0) {
            TrainTestSplit split = TrainTestSplit.of(data, config.testFraction(), new Generator(config.splitSeed()));
            trainRaw = split.train();
            testRaw = split.test();
            trainRows = split.trainRows();
            testRows = split.testRows();
        } else {
            trainRows = new int[data.size()];
            for (int i = 0; i < trainRows.length; i++) {
                trainRows[i] = i;
            }
            testRows = new int[0];
        }
        standardizer = config.standardize() ? Standardizer.fit(trainRaw.inputs()) : null;
        train = prepared(trainRaw);
        test = testRaw == null ? null : prepared(testRaw);
        start();
    }

    /** The inputs as the networks see them: standardized when the configuration asks. */
    private Tensor prepared(Tensor inputs) {
        return standardizer == null ? inputs : standardizer.apply(inputs);
    }

    private TensorDataset prepared(TensorDataset raw) {
        return standardizer == null ? raw : new TensorDataset(prepared(raw.inputs()), raw.targets());
    }

    private int outputs() {
        return config.lossType().outputs(config.dataset().classes());
    }

    /** (Re)builds networks, optimizers and loader from the configuration's seeds. */
    private void start() {
        nets.clear();
        optimizers.clear();
        histories.clear();
        Sequential template = NetworkBuilder.build(config, config.dataset().features(), outputs(),
                new Generator(config.initSeed()));
        if (startingWeights != null) {
            template.loadStateDict(startingWeights);
        }
        initialWeights = template.stateDict();
        for (RunConfig.OptimizerSpec spec : config.optimizers()) {
            Sequential copy = NetworkBuilder.build(config, config.dataset().features(), outputs(),
                    new Generator(0));
            copy.loadStateDict(template.stateDict());
            nets.add(copy);
            optimizers.add(spec.type().build(copy.parameters(), spec.options()));
            histories.add(new LossHistory());
        }
        loader = newLoader();
        epochBatches = null;
        batchInEpoch = 0;
        step = 0;
        epoch = 0;
        error = null;
    }

    private DataLoader newLoader() {
        return new DataLoader(train, batchSize(), config.batchSize() != 0, new Generator(config.shuffleSeed()));
    }

    /**
     * Starts every copy from these weights (say, a file from PyTorch) instead of the init seed's, and resets.
     * They must match the architecture exactly, as {@code load_state_dict(strict=True)} demands; if they do
     * not, the error names the keys and the run is left as it was.
     */
    public void startFrom(StateDict weights) {
        NetworkBuilder.build(config, config.dataset().features(), outputs(), new Generator(0))
                .loadStateDict(weights);
        startingWeights = weights;
        start();
    }

    /** The weights every copy started from. */
    public StateDict initialStateDict() {
        return initialWeights;
    }

    /**
     * Each epoch's order of the training rows (as rows of {@link #data()}), for every epoch the run's steps
     * touch: the batches are consecutive slices of it. Drawn from a fresh loader, so the run is not disturbed.
     */
    public List<int[]> epochOrders() {
        DataLoader fresh = newLoader();
        List<int[]> orders = new ArrayList<>();
        for (int steps = 0; steps < config.steps(); ) {
            List<int[]> batches = fresh.nextEpochOrder();
            int[] order = new int[train.size()];
            int at = 0;
            for (int[] rows : batches) {
                for (int row : rows) {
                    order[at++] = trainRows[row];
                }
            }
            orders.add(order);
            steps += batches.size();
        }
        return orders;
    }

    /** The batch size the loader uses (all the training rows for full-batch descent). */
    public int batchSize() {
        return config.batchSize() == 0 ? train.size() : Math.min(config.batchSize(), train.size());
    }

    /** Back to the same initial weights, data and batch order: the run can be replayed exactly. */
    public void reset() {
        start();
    }

    public RunConfig config() {
        return config;
    }

    /** One update for every optimizer on the next batch; returns false once the run is over. */
    public boolean step() {
        if (isFinished()) {
            return false;
        }
        if (epochBatches == null || batchInEpoch == epochBatches.size()) {
            if (epochBatches != null) {
                epoch++;
            }
            epochBatches = loader.nextEpochOrder();
            batchInEpoch = 0;
        }
        Batch batch = train.rows(epochBatches.get(batchInEpoch++));
        for (int k = 0; k < nets.size(); k++) {
            Optimizer optimizer = optimizers.get(k);
            optimizer.zeroGrad();
            Tensor value = loss.forward(nets.get(k).forward(batch.x()), batch.y());
            double lossValue = value.item();
            histories.get(k).add(lossValue);
            if (Double.isNaN(lossValue) || Double.isInfinite(lossValue)) {
                error = "loss became " + (Double.isNaN(lossValue) ? "NaN" : "infinite") + " at step " + (step + 1)
                        + " (" + config.optimizers().get(k).label() + ") — try a smaller learning rate";
                step++;
                return false;
            }
            value.backward();
            optimizer.step();
        }
        step++;
        return !isFinished();
    }

    public boolean isFinished() {
        return error != null || step >= config.steps();
    }

    /** Why the run stopped early, or null. */
    public String error() {
        return error;
    }

    public int stepCount() {
        return step;
    }

    /** Completed passes over the data (0 during the first). */
    public int epoch() {
        return epoch;
    }

    public int optimizerCount() {
        return nets.size();
    }

    public Sequential network(int index) {
        return nets.get(index);
    }

    public Optimizer optimizer(int index) {
        return optimizers.get(index);
    }

    /** Every point as given (not standardized): the training and the test part together. */
    public TensorDataset data() {
        return data;
    }

    public int[] trainRows() {
        return trainRows.clone();
    }

    /** Rows of {@link #data()} held out for testing; empty without a split. */
    public int[] testRows() {
        return testRows.clone();
    }

    /** The standardization's statistics, or null. */
    public Standardizer standardizer() {
        return standardizer;
    }

    public boolean isClassification() {
        return classification;
    }

    /** Loss after each update of optimizer {@code index}. */
    public double[] lossHistory(int index) {
        return histories.get(index).toArray();
    }

    public double lastLoss(int index) {
        LossHistory h = histories.get(index);
        return h.size() == 0 ? Double.NaN : h.get(h.size() - 1);
    }

    /** Sets a hyperparameter that may change mid-run; today the learning rate of every optimizer. */
    public void setLearningRate(double lr) {
        for (Optimizer optimizer : optimizers) {
            optimizer.setLr(lr);
        }
    }

    /** The network's outputs for rows of inputs (flat, row-major), without building a graph. */
    public double[] predict(int index, double[] inputs) {
        int features = config.dataset().features();
        if (inputs.length % features != 0) {
            throw new IllegalArgumentException("inputs must come in groups of " + features + " values, got " + inputs.length);
        }
        try (GradMode.Scope scope = GradMode.noGrad()) {
            return nets.get(index).forward(prepared(Tensor.of(inputs, inputs.length / features, features))).toArray();
        }
    }

    /** Loss and (for classification) accuracy of optimizer {@code index}'s network on the training data. */
    public double[] evaluate(int index) {
        return evaluate(index, train);
    }

    /** The same on the test part, or null without one. */
    public double[] evaluateTest(int index) {
        return test == null ? null : evaluate(index, test);
    }

    private double[] evaluate(int index, TensorDataset part) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor out = nets.get(index).forward(part.inputs());
            double lossValue = loss.forward(out, part.targets()).item();
            if (!classification) {
                return new double[] {lossValue};
            }
            return new double[] {lossValue, Metrics.accuracy(out, part.targets())};
        }
    }

    /** The checkpoint of optimizer {@code index}'s network, with its optimizer state and this configuration. */
    public String exportCheckpoint(int index) {
        return CheckpointFile.write(nets.get(index), optimizers.get(index),
                RunConfigJson.toJson(config));
    }
}
