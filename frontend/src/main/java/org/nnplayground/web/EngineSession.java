package org.nnplayground.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RunConfig;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/**
 * The one run a browser engine (one Web Worker) holds, and the JSON it answers with. Every answer is a
 * JSON object; a problem becomes {@code {"error": message}} instead of an exception, because exceptions
 * do not cross into JavaScript cleanly from both builds.
 */
final class EngineSession {
    private TrainingRun run;

    String init(String configJson) {
        try {
            RunConfig config = RunConfigJson.parse(configJson);
            run = new TrainingRun(config);
            return describe();
        } catch (IllegalArgumentException e) {
            run = null;
            return error(e);
        }
    }

    private String describe() {
        Map<String, Object> info = new LinkedHashMap<>();
        RunConfig config = run.config();
        info.put("steps", config.steps());
        List<Object> labels = new ArrayList<>();
        for (RunConfig.OptimizerSpec spec : config.optimizers()) {
            labels.add(spec.label());
        }
        info.put("optimizers", labels);
        info.put("classification", run.isClassification());
        info.put("testRows", run.testRows());
        org.nnplayground.data.CsvData points = config.dataset().points();
        info.put("classes", points != null && points.isClassification() ? List.of(points.classes()) : null);
        info.put("features", run.data().inputs().size(1));
        info.put("inputs", run.data().inputs().storage());
        info.put("targets", run.data().targets().storage());
        info.put("config", RunConfigJson.toJson(config));
        return JsonWriter.write(info);
    }

    /**
     * Up to {@code n} updates; answers the step, epoch, whether it is over, why it failed (a diverged
     * loss, else null) and each optimizer's new losses.
     */
    String step(int n) {
        if (run == null) {
            return error("no run: send init first");
        }
        int before = run.stepCount();
        for (int i = 0; i < n && run.step(); i++) {
            // step() returns false once the run is over or diverged
        }
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("step", run.stepCount());
        progress.put("epoch", run.epoch());
        progress.put("done", run.isFinished());
        progress.put("failure", run.error());
        List<Object> losses = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            double[] history = run.lossHistory(k);
            double[] fresh = new double[Math.max(0, history.length - before)];
            System.arraycopy(history, before, fresh, 0, fresh.length);
            losses.add(JsonWriter.finiteOrNull(fresh));
        }
        progress.put("losses", losses);
        return JsonWriter.write(progress);
    }

    String reset() {
        if (run == null) {
            return error("no run: send init first");
        }
        run.reset();
        return "{}";
    }

    String reinit(double seed) {
        if (run == null) {
            return error("no run: send init first");
        }
        run = new TrainingRun(run.config().withInitSeed((long) seed));
        return describe();
    }

    String setLearningRate(double lr) {
        try {
            if (run == null) {
                return error("no run: send init first");
            }
            run.setLearningRate(lr);
            return "{}";
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /** Per optimizer: [loss] or [loss, accuracy] on all the data. */
    String evaluate() {
        if (run == null) {
            return error("no run: send init first");
        }
        List<Object> all = new ArrayList<>();
        List<Object> test = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            all.add(JsonWriter.finiteOrNull(run.evaluate(k)));
            double[] held = run.evaluateTest(k);
            test.add(held == null ? null : JsonWriter.finiteOrNull(held));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", all);
        out.put("test", run.testRows().length > 0 ? test : null);
        return JsonWriter.write(out);
    }

    /** Outputs of network {@code k} for flat rows of inputs. */
    String predict(int k, double[] inputs) {
        try {
            checkModel(k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("values", JsonWriter.finiteOrNull(run.predict(k, inputs)));
            return JsonWriter.write(out);
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /**
     * A res×res grid over [x0, x1]×[y0, y1] (row by row from y0) of network {@code k}'s class-1
     * probability, for decision regions; for one-input regression, res values along [x0, x1].
     */
    String grid(int k, double x0, double x1, double y0, double y1, int res) {
        try {
            checkModel(k);
            if (res < 2 || res > 400) {
                return error("grid resolution must be between 2 and 400, got " + res);
            }
            int features = run.data().inputs().size(1);
            double[] points = features == 1 ? new double[res] : new double[2 * res * res];
            for (int r = 0; r < (features == 1 ? 1 : res); r++) {
                for (int c = 0; c < res; c++) {
                    double x = x0 + (x1 - x0) * c / (res - 1);
                    if (features == 1) {
                        points[c] = x;
                    } else {
                        points[2 * (r * res + c)] = x;
                        points[2 * (r * res + c) + 1] = y0 + (y1 - y0) * r / (res - 1);
                    }
                }
            }
            double[] out = run.predict(k, points);
            int columns = features == 1 ? 1 : out.length / (res * res);
            Map<String, Object> answer = new LinkedHashMap<>();
            double[] values;
            if (columns > 2) {
                // Three or more classes: the predicted class of each cell and its probability.
                int[] classes = new int[res * res];
                values = new double[res * res];
                for (int i = 0; i < classes.length; i++) {
                    double[] p = softmaxRow(out, i, columns);
                    for (int c = 1; c < columns; c++) {
                        if (p[c] > p[classes[i]]) {
                            classes[i] = c;
                        }
                    }
                    values[i] = p[classes[i]];
                }
                answer.put("classes", classes);
            } else {
                values = features == 1 ? out : classOneProbability(out, columns);
            }
            answer.put("resolution", res);
            answer.put("values", JsonWriter.finiteOrNull(values));
            return JsonWriter.write(answer);
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    private static double[] softmaxRow(double[] logits, int row, int columns) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns; c++) {
            max = Math.max(max, logits[row * columns + c]);
        }
        double[] p = new double[columns];
        double sum = 0;
        for (int c = 0; c < columns; c++) {
            p[c] = org.nnplayground.math.PortableMath.exp(logits[row * columns + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < columns; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** P(class 1) from one logit (sigmoid) or two (softmax, which for two classes is σ(z1 − z0)). */
    private static double[] classOneProbability(double[] logits, int columns) {
        int rows = logits.length / columns;
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            double z = columns == 1 ? logits[i] : logits[2 * i + 1] - logits[2 * i];
            p[i] = Pointwise.sigmoidOf(z);
        }
        return p;
    }

    String export(int k) {
        try {
            checkModel(k);
            return run.exportCheckpoint(k);
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /** The weights of network {@code k} alone, as a state-dict file. */
    String exportStateDict(int k) {
        try {
            checkModel(k);
            return org.nnplayground.io.StateDictFile.write(run.network(k).stateDict());
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /**
     * Reads a checkpoint or a state dict (JSON, PyTorch .pt or .safetensors; base64 of the file's bytes) into a
     * fresh copy of network {@code k}'s architecture and compares the restored network's outputs on the run's
     * data with network {@code k}'s. The run itself is never changed, so a bad or mismatched file costs nothing.
     */
    String restore(int k, String fileBase64) {
        try {
            checkModel(k);
            byte[] file = bytes(fileBase64);
            WeightFiles.Format format = WeightFiles.detect(file);
            String text = format == WeightFiles.Format.JSON ? new String(file, StandardCharsets.UTF_8) : null;
            boolean checkpoint = text != null && text.contains("\"" + org.nnplayground.io.CheckpointFile.FORMAT + "\"");
            org.nnplayground.nn.Module restored;
            String kind;
            if (checkpoint) {
                restored = org.nnplayground.io.CheckpointFile.read(text).model();
                kind = "checkpoint";
            } else {
                restored = org.nnplayground.io.Architecture.build(
                        org.nnplayground.io.Architecture.describe(run.network(k)), new org.nnplayground.random.Generator(0));
                restored.loadStateDict(WeightFiles.read(file));
                kind = format == WeightFiles.Format.JSON ? "state dict" : "PyTorch state dict (." + format.extension + ")";
            }
            Tensor x = run.data().inputs();
            double[] current;
            double[] again;
            try (org.nnplayground.tensor.GradMode.Scope scope = org.nnplayground.tensor.GradMode.noGrad()) {
                current = run.network(k).forward(x).toArray();
                again = restored.forward(x).toArray();
            }
            double maxDiff = 0;
            for (int i = 0; i < current.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(current[i] - again[i]));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", kind);
            out.put("printout", restored.toString());
            out.put("maxDifference", maxDiff);
            out.put("predictions", JsonWriter.finiteOrNull(again));
            return JsonWriter.write(out);
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /** Everything needed to compare platforms bit for bit: the loss history and all weights. */
    String state(int k) {
        try {
            checkModel(k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("history", JsonWriter.finiteOrNull(run.lossHistory(k)));
            List<Object> weights = new ArrayList<>();
            for (Tensor p : run.network(k).parameters()) {
                weights.add(JsonWriter.finiteOrNull(p.storage()));
            }
            out.put("parameters", weights);
            return JsonWriter.write(out);
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /**
     * A file as base64: {@code what} is "weights" (network k now), "initial" (the weights every network
     * started from) or "data" (the data and batch order, always .pt); {@code format} is pt, safetensors or json.
     */
    String exportFile(int k, String what, String format) {
        try {
            checkModel(k);
            WeightFiles.Format chosen = WeightFiles.Format.named(format);
            byte[] file = switch (what) {
                case "weights" -> PytorchExchange.weights(run, k, chosen, "nn-playground-weights");
                case "initial" -> PytorchExchange.initialWeights(run, chosen, "nn-playground-initial");
                case "data" -> PytorchExchange.data(run, "nn-playground-data");
                default -> throw new IllegalArgumentException("export what: weights, initial or data, got " + what);
            };
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("base64", Base64.getEncoder().encodeToString(file));
            return JsonWriter.write(out);
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /** Every network starts again from the weights in a file (base64 of .pt, .safetensors or JSON). */
    String startFrom(String fileBase64) {
        try {
            checkModel(0);
            PytorchExchange.startFrom(run, bytes(fileBase64));
            return describe();
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    /** The run's data as CSV: a custom set as it was given, a built-in one with its class numbers as labels. */
    String dataCsv() {
        if (run == null) {
            return error("no run: send init first");
        }
        org.nnplayground.data.CsvData points = run.config().dataset().points();
        String csv;
        if (points != null) {
            csv = points.toCsv();
        } else {
            String[] classes = run.isClassification() ? new String[] {"0", "1"} : null;
            csv = org.nnplayground.data.CsvData.of(run.data().inputs().toArray(), run.data().targets().toArray(), classes).toCsv();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("csv", csv);
        return JsonWriter.write(out);
    }

    private static byte[] bytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the file did not arrive intact (bad base64)");
        }
    }

    private void checkModel(int k) {
        if (run == null) {
            throw new IllegalArgumentException("no run: send init first");
        }
        if (k < 0 || k >= run.optimizerCount()) {
            throw new IllegalArgumentException("model index " + k + " is out of range for " + run.optimizerCount() + " optimizers");
        }
    }

    private static String error(Exception e) {
        return error(e.getMessage());
    }

    static String error(String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", message);
        return JsonWriter.write(out);
    }
}
