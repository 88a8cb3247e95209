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
 * accuracy (classification only) and checkpoint (the core's own JSON, embedded as it is).
 */
record TrainResult(int steps, int epochs, String error, List<OptimizerResult> optimizers) {
    /** One optimizer's outcome; a loss that is not finite is null. */
    record OptimizerResult(String label, List<Object> history, Double finalLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String checkpoint) {
    }

    /** The run's result; checkpoints only when asked for and the run did not diverge. */
    static TrainResult of(TrainingRun run, boolean withCheckpoints) {
        List<OptimizerResult> optimizers = new ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            double[] metrics = run.evaluate(k);
            optimizers.add(new OptimizerResult(run.config().optimizers().get(k).label(),
                    JsonWriter.finiteOrNull(run.lossHistory(k)),
                    finiteOrNull(metrics[0]), metrics.length > 1 ? metrics[1] : null,
                    withCheckpoints && run.error() == null ? run.exportCheckpoint(k) : null));
        }
        return new TrainResult(run.stepCount(), run.epoch() + 1, run.error(), optimizers);
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
