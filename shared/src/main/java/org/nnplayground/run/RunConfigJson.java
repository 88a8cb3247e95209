package org.nnplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.data.CsvData;
import org.nnplayground.io.Json;
import org.nnplayground.io.JsonWriter;
import org.nnplayground.optim.Optimizers;
import org.nnplayground.tensor.Tensor;

/**
 * Reads and writes a {@link RunConfig} as JSON, checking everything with messages that name the field:
 * <pre>{"dataset": {"name": "parabola", "n": 100, "noise": 0.2, "seed": 1},
 *  "layers": [{"units": 10, "activation": "ReLU"}], "loss": "MSELoss",
 *  "optimizers": [{"name": "SGD", "lr": 0.2}], "batchSize": 0, "steps": 200, "initSeed": 1, "shuffleSeed": 1}</pre>
 * {@code batchSize} 0 means full batch; {@code epochs} may replace {@code steps}. Optimizer fields other
 * than name and label are PyTorch hyperparameters ({@code betas} as a pair, flags as booleans).
 */
public final class RunConfigJson {
    private static final Set<String> TOP = Set.of("dataset", "layers", "loss", "optimizers", "batchSize", "steps",
            "epochs", "initSeed", "shuffleSeed", "testFraction", "splitSeed", "standardize");
    private static final Set<String> ACTIVATIONS = Set.of("ReLU", "LeakyReLU", "Tanh", "Sigmoid", "ELU", "GELU",
            "Softplus", "Identity");

    private RunConfigJson() {
    }

    public static RunConfig parse(String text) {
        return read(Json.parse(text));
    }

    @SuppressWarnings("unchecked")
    public static RunConfig read(Object json) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("a run configuration must be a JSON object");
        }
        Map<String, Object> map = (Map<String, Object>) json;
        for (String key : map.keySet()) {
            if (!TOP.contains(key)) {
                throw new IllegalArgumentException("unknown configuration key \"" + key + "\"");
            }
        }
        RunConfig.DatasetSpec dataset = dataset(map.get("dataset"));
        List<RunConfig.LayerSpec> layers = layers(map.get("layers"));
        String loss = loss(map.get("loss"), dataset);
        List<RunConfig.OptimizerSpec> optimizers = optimizers(map.get("optimizers"));
        int batchSize = whole(map.getOrDefault("batchSize", 0.0), "batchSize", 0, RunConfig.MAX_POINTS);
        int steps = length(map, dataset, batchSize);
        long initSeed = seed(map.getOrDefault("initSeed", 0.0), "initSeed");
        long shuffleSeed = seed(map.getOrDefault("shuffleSeed", 0.0), "shuffleSeed");
        double testFraction = number(map.getOrDefault("testFraction", 0.0), "testFraction");
        if (testFraction < 0 || testFraction > 0.9) {
            throw new IllegalArgumentException("testFraction must be from 0 (no test set) to 0.9, got " + testFraction);
        }
        long splitSeed = seed(map.getOrDefault("splitSeed", 0.0), "splitSeed");
        Object standardize = map.getOrDefault("standardize", Boolean.FALSE);
        if (!(standardize instanceof Boolean)) {
            throw new IllegalArgumentException("standardize must be true or false, got " + standardize);
        }
        return new RunConfig(dataset, layers, loss, optimizers, batchSize, steps, initSeed, shuffleSeed, testFraction,
                splitSeed, (Boolean) standardize);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String where) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return (Map<String, Object>) json;
    }

    private static double number(Object value, String where) {
        if (!(value instanceof Double) || !Double.isFinite((Double) value)) {
            throw new IllegalArgumentException(where + " must be a number, got " + value);
        }
        return (Double) value;
    }

    private static int whole(Object value, String where, int min, int max) {
        double v = number(value, where);
        if (v != Math.floor(v) || v < min || v > max) {
            throw new IllegalArgumentException(where + " must be a whole number from " + min + " to " + max + ", got "
                    + value);
        }
        return (int) v;
    }

    private static long seed(Object value, String where) {
        double v = number(value, where);
        if (v != Math.floor(v) || Math.abs(v) > 9.0e15) {
            throw new IllegalArgumentException(where + " must be a whole number, got " + value);
        }
        return (long) v;
    }

    private static RunConfig.DatasetSpec dataset(Object json) {
        Map<String, Object> map = object(json, "dataset");
        Object name = map.get("name");
        if (!(name instanceof String) || !DatasetCatalog.isKnown((String) name)) {
            throw new IllegalArgumentException("dataset.name must be one of " + DatasetCatalog.names() + ", got " + name);
        }
        if (RunConfig.DatasetSpec.CUSTOM.equals(name)) {
            return CustomDatasetJson.read(map);
        }
        for (String key : map.keySet()) {
            if (!Set.of("name", "n", "noise", "seed").contains(key)) {
                throw new IllegalArgumentException("unknown dataset key \"" + key + "\"");
            }
        }
        int n = whole(map.getOrDefault("n", 100.0), "dataset.n", 2, RunConfig.MAX_POINTS);
        double noise = number(map.getOrDefault("noise", 0.0), "dataset.noise");
        if (noise < 0 || noise > 100) {
            throw new IllegalArgumentException("dataset.noise must be between 0 and 100, got " + noise);
        }
        return new RunConfig.DatasetSpec((String) name, n, noise, seed(map.getOrDefault("seed", 0.0), "dataset.seed"));
    }

    @SuppressWarnings("unchecked")
    private static List<RunConfig.LayerSpec> layers(Object json) {
        if (!(json instanceof List)) {
            throw new IllegalArgumentException("layers must be a list of hidden layers, e.g. [{\"units\": 10, \"activation\": \"ReLU\"}]");
        }
        List<Object> list = (List<Object>) json;
        if (list.size() > RunConfig.MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + RunConfig.MAX_LAYERS + " hidden layers, got " + list.size());
        }
        List<RunConfig.LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> layer = object(list.get(i), "layers[" + i + "]");
            int units = whole(layer.get("units"), "layers[" + i + "].units", 1, RunConfig.MAX_UNITS);
            Object activation = layer.getOrDefault("activation", "ReLU");
            if (!(activation instanceof String) || !ACTIVATIONS.contains(activation)) {
                throw new IllegalArgumentException("layers[" + i + "].activation must be one of " + new java.util.TreeSet<>(ACTIVATIONS)
                        + ", got " + activation);
            }
            layers.add(new RunConfig.LayerSpec(units, (String) activation));
        }
        return layers;
    }

    private static String loss(Object json, RunConfig.DatasetSpec spec) {
        String dataset = spec.name();
        boolean classification = spec.isClassification();
        Object fallback = classification ? "CrossEntropyLoss" : "MSELoss";
        Object loss = json == null ? fallback : json;
        List<String> allowed = classification ? List.of("CrossEntropyLoss", "BCEWithLogitsLoss") : List.of("MSELoss");
        if (!allowed.contains(loss)) {
            throw new IllegalArgumentException("loss for the " + dataset + " dataset must be one of " + allowed + ", got " + loss);
        }
        if ("BCEWithLogitsLoss".equals(loss) && spec.classes() > 2) {
            throw new IllegalArgumentException("BCEWithLogitsLoss needs two classes; this dataset has " + spec.classes()
                    + " (use CrossEntropyLoss)");
        }
        return (String) loss;
    }

    @SuppressWarnings("unchecked")
    private static List<RunConfig.OptimizerSpec> optimizers(Object json) {
        if (!(json instanceof List) || ((List<Object>) json).isEmpty()) {
            throw new IllegalArgumentException("optimizers must be a non-empty list, e.g. [{\"name\": \"SGD\", \"lr\": 0.1}]");
        }
        List<Object> list = (List<Object>) json;
        if (list.size() > RunConfig.MAX_OPTIMIZERS) {
            throw new IllegalArgumentException("at most " + RunConfig.MAX_OPTIMIZERS + " optimizers, got " + list.size());
        }
        List<RunConfig.OptimizerSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            specs.add(optimizer(object(list.get(i), "optimizers[" + i + "]"), "optimizers[" + i + "]"));
        }
        return specs;
    }

    @SuppressWarnings("unchecked")
    private static RunConfig.OptimizerSpec optimizer(Map<String, Object> map, String where) {
        Object name = map.get("name");
        if (!(name instanceof String) || !Optimizers.names().contains(name)) {
            throw new IllegalArgumentException(where + ".name must be one of " + Optimizers.names() + ", got " + name);
        }
        Object label = map.getOrDefault("label", name);
        if (!(label instanceof String) || ((String) label).length() > 40) {
            throw new IllegalArgumentException(where + ".label must be text of at most 40 characters");
        }
        Map<String, Double> hyper = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("name") || key.equals("label")) {
                continue;
            }
            if (key.equals("betas")) {
                if (!(value instanceof List) || ((List<Object>) value).size() != 2) {
                    throw new IllegalArgumentException(where + ".betas must be a pair of numbers");
                }
                hyper.put("beta1", number(((List<Object>) value).get(0), where + ".betas[0]"));
                hyper.put("beta2", number(((List<Object>) value).get(1), where + ".betas[1]"));
            } else if (value instanceof Boolean) {
                hyper.put(key, (Boolean) value ? 1.0 : 0.0);
            } else {
                hyper.put(key, number(value, where + "." + key));
            }
        }
        // Construct once on a dummy parameter: the optimizer's own checks give PyTorch's messages.
        try {
            Optimizers.create((String) name, List.of(Tensor.zeros(1).requiresGrad(true)), hyper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        return new RunConfig.OptimizerSpec((String) name, (String) label, hyper);
    }

    private static int length(Map<String, Object> map, RunConfig.DatasetSpec dataset, int batchSize) {
        boolean hasSteps = map.containsKey("steps");
        boolean hasEpochs = map.containsKey("epochs");
        if (hasSteps == hasEpochs) {
            throw new IllegalArgumentException("give the run's length as exactly one of steps or epochs");
        }
        if (hasSteps) {
            return whole(map.get("steps"), "steps", 1, RunConfig.MAX_STEPS);
        }
        int epochs = whole(map.get("epochs"), "epochs", 1, RunConfig.MAX_STEPS);
        int points = "line".equals(dataset.name()) ? 3 : dataset.n();
        int perEpoch = batchSize == 0 ? 1 : (points + batchSize - 1) / batchSize;
        long steps = (long) epochs * perEpoch;
        if (steps > RunConfig.MAX_STEPS) {
            throw new IllegalArgumentException("the run would take " + steps + " steps, more than " + RunConfig.MAX_STEPS);
        }
        return (int) steps;
    }

    public static String write(RunConfig config) {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", config.dataset.name);
        if (config.dataset.points != null) {
            CsvData points = config.dataset.points;
            dataset.put("inputs", points.inputs());
            dataset.put("targets", points.targets());
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
        List<Object> layers = new ArrayList<>();
        for (RunConfig.LayerSpec layer : config.layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("units", layer.units);
            l.put("activation", layer.activation);
            layers.add(l);
        }
        map.put("layers", layers);
        map.put("loss", config.loss);
        List<Object> optimizers = new ArrayList<>();
        for (RunConfig.OptimizerSpec o : config.optimizers) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", o.name);
            spec.put("label", o.label);
            spec.putAll(o.hyperparameters);
            optimizers.add(spec);
        }
        map.put("optimizers", optimizers);
        map.put("batchSize", config.batchSize);
        if (config.testFraction > 0) {
            map.put("testFraction", config.testFraction);
            map.put("splitSeed", (double) config.splitSeed);
        }
        if (config.standardize) {
            map.put("standardize", true);
        }
        map.put("steps", config.steps);
        map.put("initSeed", (double) config.initSeed);
        map.put("shuffleSeed", (double) config.shuffleSeed);
        return JsonWriter.write(map);
    }
}
