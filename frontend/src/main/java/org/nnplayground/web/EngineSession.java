package org.nnplayground.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.data.CsvData;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.io.pytorch.StoredTensorsJson;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.DecisionGrid;
import org.nnplayground.run.Diagnostics;
import org.nnplayground.run.NetworkPicture;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RestoreCheck;
import org.nnplayground.run.RunConfig;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * The one run a browser engine (one Web Worker) holds, and the JSON it answers with: a thin adapter over the
 * core's {@link TrainingRun}, {@link DecisionGrid} and {@link RestoreCheck}. Every answer is JSON; a refused
 * request becomes {@code {"error": message}} instead of an exception, because exceptions do not cross into
 * JavaScript cleanly from both builds.
 */
final class EngineSession {
    /** A request's answer as JSON text; it may refuse with an IllegalArgumentException. */
    @FunctionalInterface
    interface Request {
        String answer();
    }

    private RunConfig config; // the whole race, as the page configured it
    private RaceLanes lanes;  // which of the race's lanes this session trains (see initLanes)
    private TrainingRun run;  // the lanes this session trains

    /** The one error wrapper: a refused request answers {"error": message}. */
    static String answer(Request request) {
        try {
            return request.answer();
        } catch (IllegalArgumentException e) {
            return error(e);
        }
    }

    static String error(String message) {
        return error(new IllegalArgumentException(message));
    }

    /** {"error": message}, with the error's "code" and "params" when it has them, for a page in another language. */
    static String error(IllegalArgumentException e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", e.getMessage());
        if (e instanceof CodedError coded) {
            out.put("code", coded.code());
            out.put("params", coded.params());
        }
        return JsonWriter.write(out);
    }

    String init(String configJson) {
        return initLanes(configJson, null);
    }

    /**
     * A part of the race: the lanes listed in {@code lanesJson} (a JSON list of their indexes in increasing order;
     * null: all), so several workers can train one race. Each lane computes exactly what it computes in the whole
     * race. Requests name networks by their index in the whole race; the info, the checkpoints and the
     * configuration describe the whole race; progress and metrics list this session's lanes in their order.
     */
    String initLanes(String configJson, String lanesJson) {
        run = null; // a refused configuration leaves no run behind
        return answer(() -> {
            RunConfig whole = RunConfigJson.parse(configJson);
            int all = whole.optimizers().size();
            RaceLanes mine = lanesJson == null ? RaceLanes.all(all)
                    : RaceLanes.of(JsonFields.integers(Json.parse(lanesJson), "lanes"), all);
            config = whole;
            lanes = mine;
            run = new TrainingRun(mine.configFor(whole));
            return describe();
        });
    }

    private String describe() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("steps", config.steps());
        List<Object> labels = new ArrayList<>();
        for (RunConfig.OptimizerSpec spec : config.optimizers()) {
            labels.add(spec.label());
        }
        info.put("optimizers", labels);
        info.put("classification", run.isClassification());
        info.put("testRows", run.testRows());
        CsvData points = config.dataset().points();
        info.put("classes", points != null && points.isClassification() ? List.of(points.classes()) : null);
        info.put("features", run.data().inputs().size(1));
        info.put("outputs", config.dataset().outputs()); // targets a point: several for a regression of your own
        info.put("batchRows", run.batchSize()); // rows per update: all the training rows for full-batch descent
        info.put("rowsSplittable", run.config().rowsSplittable()); // no BatchNorm1d or Dropout across the batch
        int parameters = 0;
        for (Tensor p : run.network(0).parameters()) {
            parameters += p.numel();
        }
        info.put("parameters", parameters);
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
        return answer(() -> {
            TrainingRun run = run();
            int before = run.stepCount();
            for (int i = 0; i < n && run.step(); i++) {
                // step() returns false once the run is over or diverged
            }
            return progressSince(before);
        });
    }

    /**
     * For a full-batch update split over workers: every lane's gradient of training rows [from, to), flat, lanes
     * one after the other (see TrainingRun.stepPart); the run does not move.
     */
    double[] stepPart(int from, int to) {
        return run().stepPart(from, to);
    }

    /** Where to cut an update's rows for {@code parts} workers, as a JSON array of parts + 1 row indexes. */
    String rowSplits(int parts) {
        return answer(() -> {
            List<Object> cuts = new ArrayList<>();
            for (int cut : RowBlocks.splits(run().batchSize(), parts)) {
                cuts.add(cut);
            }
            return JsonWriter.write(cuts);
        });
    }

    /** One update from the sum of all the workers' parts (GradientParts.sum); answers as step(1) does. */
    String stepWithParts(double[] sum) {
        return answer(() -> {
            TrainingRun run = run();
            int before = run.stepCount();
            run.stepWithParts(sum);
            return progressSince(before);
        });
    }

    /**
     * The step, epoch, whether the run is over, why it failed (else null), each lane's losses since {@code before}
     * and, with a learning-rate schedule, each lane's rates.
     */
    private String progressSince(int before) {
        TrainingRun run = run();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("step", run.stepCount());
        progress.put("epoch", run.epoch());
        progress.put("done", run.isFinished());
        progress.put("failure", run.error());
        if (run.failure() != null) {
            progress.put("failureCode", run.failure().code());
            progress.put("failureParams", run.failure().params());
        }
        List<Object> losses = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            losses.add(JsonWriter.finiteOrNull(run.lossesSince(k, before)));
        }
        progress.put("losses", losses);
        if (run.hasSchedule()) {
            List<Object> rates = new ArrayList<>();
            for (int k = 0; k < run.optimizerCount(); k++) {
                rates.add(JsonWriter.finiteOrNull(run.ratesSince(k, before)));
            }
            progress.put("rates", rates); // each update's learning rate, as the schedule set it
        }
        return JsonWriter.write(progress);
    }

    /** Past the planned steps: training goes on, open-ended, until paused (see TrainingRun.keepGoing). */
    String keepGoing() {
        return answer(() -> {
            run().keepGoing();
            return "{}";
        });
    }

    String reset() {
        return answer(() -> {
            run().reset();
            return "{}";
        });
    }

    String reinit(double seed) {
        return answer(() -> {
            run();
            config = config.withInitSeed((long) seed);
            run = new TrainingRun(lanes.configFor(config));
            return describe();
        });
    }

    String setLearningRate(double lr) {
        return answer(() -> {
            run().setLearningRate(lr);
            return "{}";
        });
    }

    /** Per optimizer: [loss] or [loss, accuracy] on the training data, and on the test part (null without one). */
    String evaluate() {
        return answer(() -> {
            TrainingRun run = run();
            List<Object> train = new ArrayList<>();
            List<Object> test = new ArrayList<>();
            for (int k = 0; k < run.optimizerCount(); k++) {
                train.add(JsonWriter.finiteOrNull(run.evaluate(k)));
                double[] held = run.evaluateTest(k);
                test.add(held == null ? null : JsonWriter.finiteOrNull(held));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("metrics", train);
            out.put("test", run.testRows().length > 0 ? test : null);
            return JsonWriter.write(out);
        });
    }

    /** Outputs of network {@code k} for flat rows of inputs. */
    String predict(int k, double[] inputs) {
        return answer(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("values", JsonWriter.finiteOrNull(run().predict(lane(k), inputs)));
            return JsonWriter.write(out);
        });
    }

    /** What the network view draws of network {@code k}; see {@link NetworkPicture}. */
    String network(int k, double x0, double x1, double y0, double y1, int res) {
        return answer(() -> JsonWriter.write(NetworkPicture.of(run(), lane(k), x0, x1, y0, y1, res)));
    }

    /** How healthily network {@code k} trains, layer by layer; see {@link Diagnostics}. */
    String diagnostics(int k) {
        return answer(() -> JsonWriter.write(Diagnostics.of(run(), lane(k))));
    }

    /** Every lane of this worker's run watches its updates from now on (see TrainingRun.watchUpdates). */
    String watchUpdates() {
        return answer(() -> {
            run().watchUpdates();
            return "{}";
        });
    }

    /** Network {@code k}'s answer over the data chart; see {@link DecisionGrid}. */
    String grid(int k, double x0, double x1, double y0, double y1, int res) {
        return answer(() -> JsonWriter.write(DecisionGrid.of(run(), lane(k), x0, x1, y0, y1, res).toJson()));
    }

    /**
     * The same grid's numbers alone, for a typed array (writing thousands of doubles as JSON text took most of a
     * grid's time): its values, then for three or more classes each cell's class. May refuse (bad bounds).
     */
    double[] gridValues(int k, double x0, double x1, double y0, double y1, int res) {
        DecisionGrid grid = DecisionGrid.of(run(), lane(k), x0, x1, y0, y1, res);
        double[] values = grid.values();
        int[] classes = grid.classes();
        if (classes == null) {
            return values;
        }
        double[] both = java.util.Arrays.copyOf(values, 2 * values.length);
        for (int i = 0; i < classes.length; i++) {
            both[values.length + i] = classes[i];
        }
        return both;
    }

    /** The checkpoint of network {@code k}: architecture, weights, optimizer state and configuration. */
    String export(int k) {
        return answer(() -> {
            int lane = lane(k);
            return CheckpointFile.write(run.network(lane), run.optimizer(lane), RunConfigJson.toJson(config));
        });
    }

    /** The weights of network {@code k} alone, as a state-dict file. */
    String exportStateDict(int k) {
        return answer(() -> StateDictFile.write(run().network(lane(k)).stateDict()));
    }

    /**
     * A file restored beside network {@code k}; see {@link RestoreCheck}. The text is the playground's JSON, or a
     * .pt or .safetensors file that the toolkit ({@link ToolExports}) has turned into it ({@code format}).
     */
    String restore(int k, String text, String format) {
        return answer(() -> JsonWriter.write(RestoreCheck.ofText(run(), lane(k), text, format).toJson()));
    }

    /** Everything needed to compare platforms bit for bit: the loss history and all weights. */
    String state(int k) {
        return answer(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            int lane = lane(k);
            out.put("history", JsonWriter.finiteOrNull(run.lossHistory(lane)));
            List<Object> weights = new ArrayList<>();
            for (Tensor p : run.network(lane).parameters()) {
                weights.add(JsonWriter.finiteOrNull(p.storage()));
            }
            out.put("parameters", weights);
            return JsonWriter.write(out);
        });
    }

    /**
     * What a file for PyTorch holds, before the toolkit writes it: {@code what} is "weights" (network k now)
     * or "initial" (the weights every network started from), answered as {@code {"stateDict": JSON text}}, or
     * "data" (the data and batch order), answered as {@code {"tensors": JSON text}} (see StoredTensorsJson).
     */
    String fileContents(int k, String what) {
        return answer(() -> {
            TrainingRun run = run();
            int lane = lane(k);
            Map<String, Object> out = new LinkedHashMap<>();
            switch (what) {
                case "weights" -> out.put("stateDict", StateDictFile.write(run.network(lane).stateDict()));
                case "initial" -> out.put("stateDict", StateDictFile.write(run.initialStateDict()));
                case "data" -> out.put("tensors", StoredTensorsJson.write(PytorchExchange.dataTensors(run)));
                default -> throw new IllegalArgumentException("export what: weights, initial or data, got " + what);
            }
            return JsonWriter.write(out);
        });
    }

    /** Every network starts again from the weights of a state dict (the playground's JSON; see restore). */
    String startFrom(String stateDictText) {
        return answer(() -> {
            run().startFrom(StateDictFile.read(stateDictText));
            return describe();
        });
    }

    /** The run's data as CSV: a custom set as it was given, a built-in one with its class numbers as labels. */
    String dataCsv() {
        return answer(() -> {
            TrainingRun run = run();
            CsvData points = run.config().dataset().points();
            if (points == null) {
                String[] classes = run.isClassification() ? new String[] {"0", "1"} : null;
                points = CsvData.of(run.data().inputs().toArray(), run.config().dataset().features(),
                        run.data().targets().toArray(), 1, classes, null);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("csv", points.toCsv());
            return JsonWriter.write(out);
        });
    }

    private TrainingRun run() {
        if (run == null) {
            throw new IllegalArgumentException("no run: send init first");
        }
        return run;
    }

    /** Network {@code k} of the whole race as this session's lane: checked to be one of the lanes it trains. */
    private int lane(int k) {
        run();
        return lanes.lane(k);
    }
}
