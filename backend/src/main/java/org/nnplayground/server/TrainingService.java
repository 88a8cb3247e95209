package org.nnplayground.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
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

    /** What a finished run gives back: per optimizer its loss history, final loss, accuracy and checkpoint. */
    static Map<String, Object> result(TrainingRun run) {
        return result(run, true);
    }

    /** The same, with or without the checkpoints (the command line leaves them out of its JSON). */
    static Map<String, Object> result(TrainingRun run, boolean withCheckpoints) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("steps", run.stepCount());
        out.put("epochs", run.epoch() + 1);
        out.put("error", run.error());
        List<Object> optimizers = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", run.config().optimizers().get(k).label());
            entry.put("history", JsonWriter.finiteOrNull(run.lossHistory(k)));
            double[] metrics = run.evaluate(k);
            entry.put("finalLoss", Double.isFinite(metrics[0]) ? metrics[0] : null);
            if (metrics.length > 1) {
                entry.put("accuracy", metrics[1]);
            }
            if (withCheckpoints) {
                entry.put("checkpoint", run.error() == null ? Json.parse(run.exportCheckpoint(k)) : null);
            }
            optimizers.add(entry);
        }
        out.put("optimizers", optimizers);
        return out;
    }
}
