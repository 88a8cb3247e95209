package org.nnplayground.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.ArrayList;
import java.util.List;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.TrainingRun;

/**
 * What a finished run gives back (POST /api/train, a job's done event, the command line's --json): its steps
 * and epochs, why it stopped early (null if it did not), and per optimizer its loss history, final loss,
 * accuracy (classification only) and checkpoint (the core's own JSON, embedded as it is). The history holds
 * the loss of every {@code historyEvery}-th update from the first (1: every update; a job keeps at most
 * {@link #JOB_HISTORY} points, so a finished job's result stays small however long it ran).
 */
record TrainResult(int steps, int epochs, String error, int historyEvery, List<OptimizerResult> optimizers) {
    static final int JOB_HISTORY = 1000;

    /** One optimizer's outcome; a loss that is not finite is null. */
    record OptimizerResult(String label, List<Object> history, Double finalLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String checkpoint) {
    }

    /** The run's result with its whole history; checkpoints only when asked for and the run did not diverge. */
    static TrainResult of(TrainingRun run, boolean withCheckpoints) {
        return of(run, withCheckpoints, Integer.MAX_VALUE);
    }

    /** The same with at most {@code maxHistory} points of each history: every k-th update's loss, from the first. */
    static TrainResult of(TrainingRun run, boolean withCheckpoints, int maxHistory) {
        int every = Math.max(1, (run.stepCount() + maxHistory - 1) / maxHistory);
        List<OptimizerResult> optimizers = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            double[] metrics = run.evaluate(k);
            optimizers.add(new OptimizerResult(run.config().optimizers().get(k).label(),
                    JsonWriter.finiteOrNull(everyKth(run.lossHistory(k), every)),
                    finiteOrNull(metrics[0]), metrics.length > 1 ? metrics[1] : null,
                    withCheckpoints && run.error() == null ? run.exportCheckpoint(k) : null));
        }
        return new TrainResult(run.stepCount(), run.epoch() + 1, run.error(), every, optimizers);
    }

    private static double[] everyKth(double[] values, int k) {
        if (k == 1) {
            return values;
        }
        double[] kept = new double[(values.length + k - 1) / k];
        for (int j = 0; j < kept.length; j++) {
            kept[j] = values[j * k];
        }
        return kept;
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
