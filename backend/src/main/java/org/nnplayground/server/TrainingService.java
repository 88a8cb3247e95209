package org.nnplayground.server;

import org.nnplayground.run.RunConfig;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;

/** Trains a configuration on the JVM core, the same code the browser runs, within the server's limits. */
public final class TrainingService {
    private final TrainingLimits limits;
    private final long timeLimitMillis;

    /** Runs trained by {@link #train} in one request have no time limit; the server gives them the jobs' one. */
    public TrainingService(TrainingLimits limits) {
        this(limits, Long.MAX_VALUE);
    }

    public TrainingService(TrainingLimits limits, long timeLimitMillis) {
        this.limits = limits;
        this.timeLimitMillis = timeLimitMillis;
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
        long deadline = timeLimitMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + timeLimitMillis;
        while (run.step()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("training was cancelled");
            }
            // The same limit as a job's: a request cannot hold a core (or stay alive after its client left) for longer.
            if (System.currentTimeMillis() > deadline) {
                throw new ApiException(422, "time_limit", "the run passed the time limit of " + timeLimitMillis / 1000
                        + " s at update " + run.stepCount() + " of " + config.steps()
                        + "; make it smaller, or start it as a job (POST /api/jobs) to follow its progress")
                        .with("seconds", timeLimitMillis / 1000).with("step", run.stepCount()).with("steps", config.steps());
            }
        }
        return TrainResult.of(run, true);
    }
}
