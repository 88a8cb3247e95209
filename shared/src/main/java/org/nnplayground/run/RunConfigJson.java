package org.nnplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.catalog.DatasetTypes;
import org.nnplayground.catalog.Losses;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.catalog.Option;
import org.nnplayground.catalog.Options;
import org.nnplayground.catalog.Schedulers;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.InputFeatures;
import org.nnplayground.data.TrainTestSplit;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;
import org.nnplayground.text.PythonText;

/**
 * Reads and writes a {@link RunConfig} as JSON, checking everything with messages that name the field:
 * <pre>{"dataset": {"name": "parabola", "n": 100, "noise": 0.2, "seed": 1},
 *  "layers": [{"units": 10, "activation": "ReLU"}], "loss": "MSELoss",
 *  "optimizers": [{"name": "SGD", "lr": 0.2}], "batchSize": 0, "steps": 200, "initSeed": 1, "shuffleSeed": 1}</pre>
 * {@code batchSize} 0 means full batch; {@code epochs} may replace {@code steps}. A layer's fields: see {@link LayersJson};
 * optimizer fields other than name and label are PyTorch keyword arguments ({@code betas} a pair, flags booleans);
 * the loss may be an object with its name and keyword arguments: {@code {"name": "HuberLoss", "delta": 0.5}}.
 * What the catalog does not know is refused by name.
 */
public final class RunConfigJson {
    private static final Set<String> TOP = Set.of("dataset", "layers", "loss", "optimizers", "batchSize", "steps",
            "epochs", "initSeed", "shuffleSeed", "testFraction", "splitSeed", "standardize", "l1",
            "inputFeatures", "scheduler", "clipGradNorm", "clipGradValue", "shuffle", "dropLast");
    private static final Set<String> OPTIMIZER_KEYS = Set.of("name", "label");
    private static final Set<String> LOSS_KEYS = Set.of("name");
    private static final Set<String> SCHEDULER_KEYS = Set.of("name");

    private RunConfigJson() {
    }

    public static RunConfig parse(String text) {
        return read(Json.parse(text));
    }

    public static RunConfig read(Object json) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("a run configuration must be a JSON object");
        }
        Map<String, Object> map = JsonFields.object(json, "configuration");
        for (String key : map.keySet()) {
            if (!TOP.contains(key)) {
                throw new CodedError("config.unknownKey", "unknown configuration key \"" + key + "\"", "key", key);
            }
        }
        RunConfig.DatasetSpec dataset = dataset(map.get("dataset"));
        List<LayerSpec> layers = LayersJson.read(map.get("layers"));
        Object lossJson = map.get("loss");
        String loss = loss(lossJson, dataset);
        Options lossOptions = lossOptions(lossJson, loss, dataset);
        Object schedulerJson = map.get("scheduler");
        String scheduler = schedulerJson == null ? null : schedulerName(schedulerJson);
        Options schedulerOptions = scheduler == null ? null : Schedulers.get(scheduler, "scheduler")
                .read(JsonFields.object(schedulerJson, "scheduler"), SCHEDULER_KEYS, "scheduler (" + scheduler + ")");
        List<RunConfig.OptimizerSpec> optimizers = optimizers(map.get("optimizers"));
        if (scheduler != null) {
            checkScheduler(scheduler, schedulerOptions, optimizers);
        }
        int batchSize = whole(map, "", "batchSize", 0, 0, RunConfig.MAX_POINTS);
        double testFraction = number(map, "", "testFraction", 0);
        if (testFraction < 0 || testFraction > 0.9) {
            throw new CodedError("config.testFraction", "testFraction must be from 0 (no test set) to 0.9, got " + testFraction,
                    "value", testFraction);
        }
        RunConfig.Training training = training(map);
        int steps = length(map, dataset, testFraction, batchSize, training.dropLast);
        LayersJson.checkBatchRows(layers, () -> trainingPoints(dataset, testFraction), batchSize, training.dropLast);
        long initSeed = seed(map, "", "initSeed");
        long shuffleSeed = seed(map, "", "shuffleSeed");
        long splitSeed = seed(map, "", "splitSeed");
        boolean standardize = map.containsKey("standardize") && JsonFields.bool(map, "standardize", "configuration");
        double l1 = number(map, "", "l1", 0);
        if (!(l1 >= 0 && l1 <= 10)) {
            throw new CodedError("config.l1", "l1 must be from 0 (none) to 10, got " + l1, "value", l1);
        }
        return new RunConfig(dataset, layers, loss, lossOptions, scheduler, schedulerOptions, optimizers, batchSize, steps, initSeed, shuffleSeed, testFraction,
                splitSeed, standardize, l1, inputFeatures(map, dataset), training);
    }

    /** The number at {@code key} (named {@code prefix + key} in errors), or {@code fallback} when absent. */
    /** "inputFeatures": names from InputFeatures, each once, for a dataset of two inputs; absent or x1, x2: none. */
    private static List<String> inputFeatures(Map<String, Object> map, RunConfig.DatasetSpec dataset) {
        if (!map.containsKey("inputFeatures")) {
            return List.of();
        }
        List<String> names = List.of(JsonFields.strings(map.get("inputFeatures"), "inputFeatures"));
        if (names.isEmpty() || new java.util.HashSet<>(names).size() != names.size()
                || !InputFeatures.NAMES.containsAll(names)) {
            throw new IllegalArgumentException("inputFeatures must name some of " + InputFeatures.NAMES + ", each once, got "
                    + names);
        }
        if (dataset.features() != 2) {
            throw new CodedError("config.inputFeaturesTwo", "inputFeatures are made from two inputs; this dataset has "
                    + dataset.features(), "features", dataset.features());
        }
        return names.equals(InputFeatures.IDENTITY) ? List.of() : names;
    }

    private static double number(Map<String, Object> map, String prefix, String key, double fallback) {
        if (!map.containsKey(key)) {
            return fallback;
        }
        Object value = map.get(key);
        if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())) {
            throw JsonFields.wrongKind(prefix + key, "number", "a number", value);
        }
        return ((Number) value).doubleValue();
    }

    private static int whole(Map<String, Object> map, String prefix, String key, int fallback, int min, int max) {
        double v = number(map, prefix, key, fallback);
        if (v != Math.floor(v) || v < min || v > max) {
            throw new CodedError("config.whole", prefix + key + " must be a whole number from " + min + " to " + max
                    + ", got " + PythonText.number(v), "field", prefix + key, "min", min, "max", max, "value", PythonText.number(v));
        }
        return (int) v;
    }

    private static long seed(Map<String, Object> map, String prefix, String key) {
        double v = number(map, prefix, key, 0);
        if (v != Math.floor(v) || Math.abs(v) > 9.0e15) {
            throw new CodedError("json.whole", prefix + key + " must be a whole number, got " + PythonText.number(v),
                    "field", prefix + key, "value", PythonText.number(v));
        }
        return (long) v;
    }

    private static RunConfig.DatasetSpec dataset(Object json) {
        Map<String, Object> map = JsonFields.object(json, "dataset");
        Object name = map.get("name");
        if (DatasetTypes.CUSTOM.equals(name)) {
            return CustomDatasetJson.read(map);
        }
        DatasetTypes.get(name instanceof String ? (String) name : String.valueOf(name), "dataset.name");
        JsonFields.keys(map, "dataset", Set.of("name"), Set.of("name", "n", "noise", "seed"));
        int n = whole(map, "dataset.", "n", 100, 2, RunConfig.MAX_POINTS);
        double noise = number(map, "dataset.", "noise", 0);
        if (noise < 0 || noise > 100) {
            throw new CodedError("config.noise", "dataset.noise must be between 0 and 100, got " + noise, "value", noise);
        }
        return new RunConfig.DatasetSpec((String) name, n, noise, seed(map, "dataset.", "seed"));
    }

    /** The loss's name: "MSELoss", or an object {"name": "HuberLoss", "delta": 0.5}; the dataset's natural one if absent. */
    private static String loss(Object json, RunConfig.DatasetSpec spec) {
        List<String> fits = Losses.namesFor(spec.isClassification());
        Object loss = json == null ? fits.get(0) : json instanceof Map ? ((Map<?, ?>) json).get("name") : json;
        if (!fits.contains(loss)) {
            String got = loss == null ? "an object without a name" : String.valueOf(loss);
            throw new CodedError("config.loss", "loss for the " + spec.name() + " dataset must be one of " + fits + ", got " + got,
                    "dataset", spec.name(), "names", String.valueOf(fits), "name", got);
        }
        Losses.get((String) loss, "loss").outputs(spec.classes());
        return (String) loss;
    }

    /**
     * The options an object gives the loss (a bare name gives none), checked against its catalog entry; a list
     * (a class weight, pos_weight) has one number per output of the network.
     */
    private static Options lossOptions(Object json, String loss, RunConfig.DatasetSpec spec) {
        Losses.Type type = Losses.get(loss, "loss");
        if (!(json instanceof Map)) {
            return type.defaults();
        }
        Options options = type.read(JsonFields.object(json, "loss"), LOSS_KEYS, "loss (" + loss + ")");
        int outputs = type.outputs(spec.classes());
        for (Option option : type.options()) {
            double[] values = option.kind() == Option.Kind.NUMBERS ? options.numbers(option.name()) : null;
            if (values != null && values.length != outputs) {
                throw new CodedError("config.lossValues", "loss (" + loss + ")." + option.name() + " has " + values.length
                        + " values for the network's " + outputs + " output" + (outputs == 1 ? "" : "s") + " (give one per output)",
                        "field", "loss (" + loss + ")." + option.name(), "values", values.length, "outputs", outputs);
            }
        }
        return options;
    }

    /** A scheduler is an object with its name and keyword arguments: {"name": "StepLR", "step_size": 10}. */
    private static String schedulerName(Object json) {
        if (!(json instanceof Map) || !(((Map<?, ?>) json).get("name") instanceof String)) {
            throw new IllegalArgumentException("scheduler must be an object with its name and keyword arguments, e.g. "
                    + "{\"name\": \"StepLR\", \"step_size\": 10}; schedulers: " + Schedulers.names());
        }
        return Schedulers.get((String) ((Map<?, ?>) json).get("name"), "scheduler.name").name();
    }

    /** Builds the schedule once over each optimizer, so that a misfit (OneCycleLR over Adagrad) is refused here. */
    private static void checkScheduler(String scheduler, Options options, List<RunConfig.OptimizerSpec> optimizers) {
        for (RunConfig.OptimizerSpec spec : optimizers) {
            try {
                Schedulers.get(scheduler, "scheduler").build(
                        spec.type().build(List.of(Tensor.zeros(1).requiresGrad(true)), spec.options()), options);
            } catch (IllegalArgumentException e) {
                throw new CodedError("scheduler.invalid", "scheduler (" + scheduler + ") over " + spec.name() + ": " + e.getMessage(),
                        "scheduler", scheduler, "optimizer", spec.name(), "problem", e.getMessage());
            }
        }
    }

    private static List<RunConfig.OptimizerSpec> optimizers(Object json) {
        if (!(json instanceof List) || ((List<?>) json).isEmpty()) {
            throw new CodedError("config.optimizers", "optimizers must be a non-empty list, e.g. [{\"name\": \"SGD\", \"lr\": 0.1}]");
        }
        List<Object> list = JsonFields.list(json, "optimizers");
        if (list.size() > RunConfig.MAX_OPTIMIZERS) {
            throw new CodedError("config.tooManyOptimizers", "at most " + RunConfig.MAX_OPTIMIZERS + " optimizers, got " + list.size(),
                    "limit", RunConfig.MAX_OPTIMIZERS, "count", list.size());
        }
        List<RunConfig.OptimizerSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "optimizers[" + i + "]";
            Map<String, Object> map = JsonFields.object(list.get(i), where);
            Object name = map.get("name");
            Optimizers.Type type = Optimizers.get(String.valueOf(name), where + ".name");
            Object label = map.getOrDefault("label", type.name());
            if (!(label instanceof String) || ((String) label).length() > 40) {
                throw new CodedError("config.label", where + ".label must be text of at most 40 characters", "field", where + ".label");
            }
            specs.add(new RunConfig.OptimizerSpec(type.name(), (String) label, type.read(map, OPTIMIZER_KEYS, where)));
        }
        return specs;
    }

    /**
     * The points a run trains on: the dataset as drawn (clusters makes an even number), less the test part. A split
     * that would leave a part empty is refused here, before any run starts.
     */
    static int trainingPoints(RunConfig.DatasetSpec dataset, double testFraction) {
        int points = dataset.points() != null ? dataset.points().rows() : dataset.build().size();
        return testFraction > 0 ? points - TrainTestSplit.testSize(points, testFraction) : points;
    }


    /** The run's updates: given as steps, or as epochs of ceil(training points / batch size) updates, as PyTorch counts. */
    /** Clipping and the loader's options: clipGradNorm, clipGradValue (each at least 0), shuffle, dropLast. */
    private static RunConfig.Training training(Map<String, Object> map) {
        RunConfig.Training d = RunConfig.Training.DEFAULT;
        double norm = map.containsKey("clipGradNorm") ? number(map, "", "clipGradNorm", 0) : d.clipGradNorm;
        double value = map.containsKey("clipGradValue") ? number(map, "", "clipGradValue", 0) : d.clipGradValue;
        for (double clip : new double[] {norm, value}) {
            if (clip < 0 || Double.isInfinite(clip)) {
                throw new CodedError("config.clip", "clipGradNorm and clipGradValue must be numbers of at least 0, got " + clip,
                        "value", clip);
            }
        }
        boolean shuffle = map.containsKey("shuffle") ? JsonFields.bool(map, "shuffle", "configuration") : d.shuffle;
        boolean dropLast = map.containsKey("dropLast") && JsonFields.bool(map, "dropLast", "configuration");
        return new RunConfig.Training(norm, value, shuffle, dropLast);
    }

    private static int length(Map<String, Object> map, RunConfig.DatasetSpec dataset, double testFraction, int batchSize,
            boolean dropLast) {
        if (dropLast && batchSize > trainingPoints(dataset, testFraction)) {
            throw new CodedError("config.dropLast", "dropLast with a batchSize of " + batchSize + " leaves no batch of the "
                    + trainingPoints(dataset, testFraction) + " training points", "batch", batchSize,
                    "rows", trainingPoints(dataset, testFraction));
        }
        boolean hasSteps = map.containsKey("steps");
        boolean hasEpochs = map.containsKey("epochs");
        if (hasSteps == hasEpochs) {
            throw new CodedError("config.length", "give the run's length as exactly one of steps or epochs");
        }
        if (hasSteps) {
            if (testFraction > 0) {
                trainingPoints(dataset, testFraction); // only to check the split; the points are drawn once, by the run
            }
            return whole(map, "", "steps", 0, 1, RunConfig.MAX_STEPS);
        }
        int trainingPoints = trainingPoints(dataset, testFraction);
        int epochs = whole(map, "", "epochs", 0, 1, RunConfig.MAX_STEPS);
        int perEpoch = batchSize == 0 ? 1 : dropLast ? trainingPoints / batchSize : (trainingPoints + batchSize - 1) / batchSize;
        long steps = (long) epochs * perEpoch;
        if (steps > RunConfig.MAX_STEPS) {
            throw new CodedError("config.tooLong", "the run would take " + steps + " steps, more than " + RunConfig.MAX_STEPS,
                    "steps", steps, "limit", RunConfig.MAX_STEPS);
        }
        return (int) steps;
    }

    public static String write(RunConfig config) {
        return JsonWriter.write(toJson(config));
    }

    /** The configuration as JSON values, giving only what differs from the defaults inside layers and optimizers. */
    public static Map<String, Object> toJson(RunConfig config) {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", config.dataset.name);
        if (config.dataset.points != null) {
            CsvData points = config.dataset.points;
            dataset.put("inputs", points.inputs());
            dataset.put("targets", points.targets());
            if (points.features() != (points.isClassification() ? 2 : 1)) {
                dataset.put("features", points.features());
            }
            if (points.outputs() != 1) {
                dataset.put("outputs", points.outputs());
            }
            if (points.isClassification()) {
                dataset.put("classes", List.of(points.classes()));
            }
            dataset.put("columns", List.of(points.columns()));
        } else {
            dataset.put("n", config.dataset.n);
            dataset.put("noise", config.dataset.noise);
            dataset.put("seed", (double) config.dataset.seed);
        }
        map.put("dataset", dataset);
        map.put("layers", LayersJson.write(config.layers));
        Map<String, Object> lossOptions = config.lossOptions.given();
        if (lossOptions.isEmpty()) {
            map.put("loss", config.loss);
        } else {
            Map<String, Object> loss = new LinkedHashMap<>();
            loss.put("name", config.loss);
            loss.putAll(lossOptions);
            map.put("loss", loss);
        }
        if (config.scheduler != null) {
            Map<String, Object> scheduler = new LinkedHashMap<>();
            scheduler.put("name", config.scheduler);
            scheduler.putAll(config.schedulerOptions.given());
            map.put("scheduler", scheduler);
        }
        List<Object> optimizers = new ArrayList<>();
        for (RunConfig.OptimizerSpec o : config.optimizers) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", o.name);
            spec.put("label", o.label);
            spec.putAll(o.options.given());
            optimizers.add(spec);
        }
        map.put("optimizers", optimizers);
        map.put("batchSize", config.batchSize);
        if (config.testFraction > 0) {
            map.put("testFraction", config.testFraction);
            map.put("splitSeed", (double) config.splitSeed);
        }
        if (config.l1 > 0) {
            map.put("l1", config.l1);
        }
        if (!Double.isNaN(config.clipGradNorm)) {
            map.put("clipGradNorm", config.clipGradNorm);
        }
        if (!Double.isNaN(config.clipGradValue)) {
            map.put("clipGradValue", config.clipGradValue);
        }
        if (!config.shuffle) {
            map.put("shuffle", false);
        }
        if (config.dropLast) {
            map.put("dropLast", true);
        }
        if (!config.inputFeatures.isEmpty()) {
            map.put("inputFeatures", new ArrayList<Object>(config.inputFeatures));
        }
        if (config.standardize) {
            map.put("standardize", true);
        }
        map.put("steps", config.steps);
        map.put("initSeed", (double) config.initSeed);
        map.put("shuffleSeed", (double) config.shuffleSeed);
        return map;
    }
}
