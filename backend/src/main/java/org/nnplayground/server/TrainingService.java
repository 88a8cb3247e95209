package org.nnplayground.server;

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

    /**
     * A checked configuration made into a run, ready to step: what /api/train does before it trains, so a job
     * is refused (400) for anything that would fail as it starts — an empty split, say — instead of dying later.
     */
    public TrainingRun prepare(String json) {
        return new TrainingRun(validate(json));
    }

    /** Trains to the end (or to divergence) and answers history, metrics and checkpoints per optimizer. */
    public TrainResult train(RunConfig config) {
        TrainingRun run = new TrainingRun(config);
        while (run.step()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("training was cancelled");
            }
        }
        return TrainResult.of(run, true);
    }
}
