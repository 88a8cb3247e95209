package org.nnplayground.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.io.Json;
import org.nnplayground.run.RunConfig;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;

/** Trains a configuration on the JVM core, the same code the browser runs, within the server's limits. */
public final class TrainingService {
    private final TrainingLimits limits;

    public TrainingService(TrainingLimits limits) {
        this.limits = limits;
    }

    /** Parses and checks a configuration (400 on any problem). */
    public RunConfig validate(String json) {
        RunConfig config = RunConfigJson.parse(json);
        limits.check(config);
        return config;
    }

    /** Trains to the end (or to divergence) and answers history, metrics and checkpoints per optimizer. */
    public Map<String, Object> train(RunConfig config) {
        TrainingRun run = new TrainingRun(config);
        while (run.step()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("training was cancelled");
            }
        }
        return result(run);
    }

    static Map<String, Object> result(TrainingRun run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("steps", run.stepCount());
        out.put("epochs", run.epoch() + 1);
        out.put("error", run.error());
        List<Object> optimizers = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", run.config().optimizers().get(k).label());
            entry.put("history", finite(run.lossHistory(k)));
            double[] metrics = run.evaluate(k);
            entry.put("finalLoss", finiteOrNull(metrics[0]));
            if (metrics.length > 1) {
                entry.put("accuracy", metrics[1]);
            }
            entry.put("checkpoint", run.error() == null ? Json.parse(run.exportCheckpoint(k)) : null);
            optimizers.add(entry);
        }
        out.put("optimizers", optimizers);
        return out;
    }

    private static List<Object> finite(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(finiteOrNull(v));
        }
        return out;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
