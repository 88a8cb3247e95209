package org.nnplayground.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nnplayground.catalog.DatasetTypes;
import org.nnplayground.catalog.Losses;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.catalog.Options;
import org.nnplayground.catalog.Schedulers;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.loss.Loss;
import org.nnplayground.tensor.Tensor;

/**
 * Everything that defines a training run, as plain validated values: the dataset and its seed, the
 * hidden layers with their activations, the loss, one or more optimizers (several race on copies of one
 * network), the batch size, the length of the run and the seeds for initial weights and shuffling.
 * Read from and written to JSON by {@link RunConfigJson}; the browser, the server and files share it.
 */
public final class RunConfig {
    /** Limits that keep a run within what a browser tab or a server job can do. */
    public static final int MAX_POINTS = 100_000;
    public static final int MAX_UNITS = 1024;
    public static final int MAX_LAYERS = 16;
    public static final int MAX_OPTIMIZERS = 8;
    public static final int MAX_STEPS = 10_000_000;

    final DatasetSpec dataset;
    final List<LayerSpec> layers;
    final String loss;
    /** The loss's PyTorch options (reduction, weight, ...), PyTorch's defaults where none are given. */
    final Options lossOptions;
    /** The learning-rate scheduler's name, or null for none; and its keyword arguments. */
    final String scheduler;
    final Options schedulerOptions;
    final List<OptimizerSpec> optimizers;
    /** 0 means the whole dataset in every step. */
    final int batchSize;
    /** The run's length in updates (each optimizer makes this many). */
    final int steps;
    final long initSeed;
    final long shuffleSeed;
    /** The share of the points held out as a test set (0: none), drawn with splitSeed. */
    final double testFraction;
    final long splitSeed;
    /** Inputs scaled to mean 0 and standard deviation 1, with the training part's statistics. */
    final boolean standardize;
    /** L1 regularization: this rate times the sum of |w| over the layers' weights is added to the loss trained on. */
    final double l1;
    /** Gradient clipping before each step (clip_grad_norm_'s max_norm, clip_grad_value_'s clip_value); NaN: none. */
    final double clipGradNorm;
    final double clipGradValue;
    /** Mini-batches drawn in a new order every epoch (DataLoader's shuffle), and a last partial batch dropped. */
    final boolean shuffle;
    final boolean dropLast;
    /** What the first layer sees (see InputFeatures): empty for the inputs as they are. */
    final List<String> inputFeatures;

    RunConfig(DatasetSpec dataset, List<LayerSpec> layers, String loss, Options lossOptions, String scheduler,
            Options schedulerOptions, List<OptimizerSpec> optimizers, int batchSize,
            int steps, long initSeed, long shuffleSeed, double testFraction, long splitSeed, boolean standardize, double l1,
            List<String> inputFeatures, Training training) {
        this.clipGradNorm = training.clipGradNorm;
        this.clipGradValue = training.clipGradValue;
        this.shuffle = training.shuffle;
        this.dropLast = training.dropLast;
        this.l1 = l1;
        this.inputFeatures = List.copyOf(inputFeatures);
        this.testFraction = testFraction;
        this.splitSeed = splitSeed;
        this.standardize = standardize;
        this.dataset = dataset;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.loss = loss;
        this.lossOptions = lossOptions;
        this.scheduler = scheduler;
        this.schedulerOptions = schedulerOptions;
        this.optimizers = Collections.unmodifiableList(new ArrayList<>(optimizers));
        this.batchSize = batchSize;
        this.steps = steps;
        this.initSeed = initSeed;
        this.shuffleSeed = shuffleSeed;
    }

    public DatasetSpec dataset() {
        return dataset;
    }

    public List<LayerSpec> layers() {
        return layers;
    }

    public String loss() {
        return loss;
    }

    /** The loss as the catalog knows it: its outputs rule, output layer, target shaping and factory. */
    public Losses.Type lossType() {
        return Losses.get(loss, "loss");
    }

    /** The loss's options as the configuration gives them, with PyTorch's defaults for the rest. */
    public Options lossOptions() {
        return lossOptions;
    }

    /** The learning-rate scheduler's name, or null without one. */
    public String scheduler() {
        return scheduler;
    }

    /** The scheduler as the catalog knows it (its step rhythm and factory); only with one. */
    public Schedulers.Type schedulerType() {
        return Schedulers.get(scheduler, "scheduler");
    }

    public Options schedulerOptions() {
        return schedulerOptions;
    }

    /** A new criterion of the configured loss with its options. */
    public Loss createLoss() {
        return lossType().create(lossOptions);
    }

    public List<OptimizerSpec> optimizers() {
        return optimizers;
    }

    public int batchSize() {
        return batchSize;
    }

    public int steps() {
        return steps;
    }

    public long initSeed() {
        return initSeed;
    }

    public long shuffleSeed() {
        return shuffleSeed;
    }

    /**
     * The seed of the dropout masks: the shuffle seed's own stream ("DROP" mixed in), so the masks are fixed by the
     * configuration but do not repeat the shuffle's draws.
     */
    public long dropoutSeed() {
        return shuffleSeed ^ 0x44524F50L;
    }

    /**
     * Whether a full batch can be split over workers by rows: not when a layer mixes the rows (BatchNorm1d) or
     * draws a mask over the whole batch (Dropout).
     */
    public boolean rowsSplittable() {
        for (LayerSpec layer : layers) {
            if (layer.dropout > 0 || (layer.normType() != null && layer.normType().mixesRows())) {
                return false;
            }
        }
        return true;
    }

    public double testFraction() {
        return testFraction;
    }

    public long splitSeed() {
        return splitSeed;
    }

    public boolean standardize() {
        return standardize;
    }

    public double l1() {
        return l1;
    }

    /** The input features the first layer takes; empty: the dataset's inputs as they are. */
    public List<String> inputFeatures() {
        return inputFeatures;
    }

    public double clipGradNorm() {
        return clipGradNorm;
    }

    public double clipGradValue() {
        return clipGradValue;
    }

    /** Whether mini-batches are drawn in a new order every epoch (full-batch descent never shuffles). */
    public boolean shuffle() {
        return shuffle;
    }

    public boolean dropLast() {
        return dropLast;
    }

    private Training training() {
        return new Training(clipGradNorm, clipGradValue, shuffle, dropLast);
    }

    /** How each update is made beyond the optimizer: gradient clipping and the loader's shuffle and drop_last. */
    static final class Training {
        static final Training DEFAULT = new Training(Double.NaN, Double.NaN, true, false);
        final double clipGradNorm;
        final double clipGradValue;
        final boolean shuffle;
        final boolean dropLast;

        Training(double clipGradNorm, double clipGradValue, boolean shuffle, boolean dropLast) {
            this.clipGradNorm = clipGradNorm;
            this.clipGradValue = clipGradValue;
            this.shuffle = shuffle;
            this.dropLast = dropLast;
        }
    }

    /** The first layer's width: the input features chosen, else the dataset's inputs. */
    /** The network's outputs: the loss's rule for the classes, or one per regression target. */
    public int outputWidth() {
        return dataset.isClassification() ? lossType().outputs(dataset.classes()) : dataset.outputs();
    }

    public int inputWidth() {
        return inputFeatures.isEmpty() ? dataset.features() : inputFeatures.size();
    }

    /** The same run with another seed for the initial weights (re-initialise). */
    public RunConfig withInitSeed(long seed) {
        return new RunConfig(dataset, layers, loss, lossOptions, scheduler, schedulerOptions, optimizers, batchSize, steps, seed, shuffleSeed, testFraction, splitSeed,
                standardize, l1, inputFeatures, training());
    }

    /**
     * The same run for a part of the race: these optimizers' lanes alone. A lane trains alone exactly as in the
     * race (same initial weights, same batches), so lanes can be split over workers.
     */
    public RunConfig withOptimizers(List<OptimizerSpec> chosen) {
        return new RunConfig(dataset, layers, loss, lossOptions, scheduler, schedulerOptions, chosen, batchSize, steps, initSeed, shuffleSeed, testFraction,
                splitSeed, standardize, l1, inputFeatures, training());
    }

    /** A dataset by name with its size, noise and seed; or "custom" with its own points (CSV or drawn). */
    public static final class DatasetSpec {
        public static final String CUSTOM = "custom";
        final String name;
        final int n;
        final double noise;
        final long seed;
        final CsvData points;

        DatasetSpec(String name, int n, double noise, long seed) {
            this(name, n, noise, seed, null);
        }

        DatasetSpec(String name, int n, double noise, long seed, CsvData points) {
            this.name = name;
            this.n = n;
            this.noise = noise;
            this.seed = seed;
            this.points = points;
        }

        public String name() {
            return name;
        }

        public int n() {
            return n;
        }

        public double noise() {
            return noise;
        }

        public long seed() {
            return seed;
        }

        /** The points of a custom dataset, else null. */
        public CsvData points() {
            return points;
        }

        public boolean isClassification() {
            return points != null ? points.isClassification() : DatasetTypes.get(name, "dataset.name").isClassification();
        }

        /** Inputs a point: the points' own for a custom dataset, else the built-in set's (1, or 2 for classification). */
        public int features() {
            return points != null ? points.features() : isClassification() ? 2 : 1;
        }

        /** Targets a point for regression (a custom dataset may have several); 1 for classification's label. */
        public int outputs() {
            return points != null ? points.outputs() : 1;
        }

        /** Draws the dataset (a built-in one from its size, noise and seed) or takes the custom points as tensors. */
        public TensorDataset build() {
            if (points == null) {
                return DatasetTypes.get(name, "dataset.name").build(n, noise, seed);
            }
            Tensor targets = points.isClassification() ? Tensor.of(points.targets(), points.rows())
                    : Tensor.of(points.targets(), points.rows(), points.outputs());
            return new TensorDataset(Tensor.of(points.inputs(), points.rows(), points.features()), targets);
        }

        /** Classes of a classification set (the built-in ones have two); 0 for regression. */
        public int classes() {
            if (!isClassification()) {
                return 0;
            }
            return points != null ? points.classes().length : 2;
        }
    }

    /** An optimizer by PyTorch name, a label to show, and its keyword arguments (PyTorch's defaults for the rest). */
    public static final class OptimizerSpec {
        final String name;
        final String label;
        final Options options;

        OptimizerSpec(String name, String label, Options options) {
            this.name = name;
            this.label = label;
            this.options = options;
        }

        public String name() {
            return name;
        }

        public String label() {
            return label;
        }

        public Options options() {
            return options;
        }

        public Optimizers.Type type() {
            return Optimizers.get(name, "optimizer");
        }
    }
}
