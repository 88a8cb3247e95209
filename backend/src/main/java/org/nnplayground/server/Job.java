package org.nnplayground.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.nnplayground.run.RunConfig;
import org.nnplayground.run.TrainingRun;

/**
 * One server-side training run: it trains on a pool thread, publishes progress about ten times a
 * second to whoever listens (the server-sent events stream), and ends done, failed (divergence or time
 * limit) or cancelled. A listener that joins late first receives the latest event.
 */
final class Job {
    private static final long PROGRESS_EVERY_MS = 100;
    final String id;
    private final RunConfig config;
    private final long timeLimitMillis;
    private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile String status = "queued";
    private volatile JobEvent latest;

    Job(String id, RunConfig config, long timeLimitMillis) {
        this.id = id;
        this.config = config;
        this.timeLimitMillis = timeLimitMillis;
        latest = new JobEvent("status", Map.of("id", id, "status", status));
    }

    /** A named event and its JSON-ready data. */
    record JobEvent(String name, Map<String, Object> data) {
    }

    String status() {
        return status;
    }

    boolean isOver() {
        return status.equals("done") || status.equals("failed") || status.equals("cancelled");
    }

    void cancel() {
        cancelled = true;
        if (status.equals("queued")) {
            finish("cancelled", Map.of("id", id, "status", "cancelled"));
        }
    }

    void subscribe(Consumer<JobEvent> listener) {
        listeners.add(listener);
        listener.accept(latest);
    }

    void unsubscribe(Consumer<JobEvent> listener) {
        listeners.remove(listener);
    }

    JobEvent latest() {
        return latest;
    }

    private void publish(JobEvent event) {
        latest = event;
        for (Consumer<JobEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                listeners.remove(listener); // a closed stream: stop sending to it
            }
        }
    }

    private void finish(String finalStatus, Map<String, Object> data) {
        status = finalStatus;
        publish(new JobEvent(finalStatus.equals("done") ? "done" : finalStatus.equals("failed") ? "failed" : "cancelled",
                data));
    }

    /** Trains to the end; called on a pool thread. */
    void run() {
        if (cancelled) {
            return;
        }
        status = "running";
        long start = System.currentTimeMillis();
        long lastProgress = 0;
        TrainingRun run = new TrainingRun(config);
        while (!run.isFinished()) {
            if (cancelled) {
                finish("cancelled", Map.of("id", id, "status", "cancelled", "step", run.stepCount()));
                return;
            }
            long now = System.currentTimeMillis();
            if (now - start > timeLimitMillis) {
                finish("failed", failure("time limit of " + timeLimitMillis / 1000 + " s reached at step " + run.stepCount(),
                        run.stepCount()));
                return;
            }
            run.step();
            if (now - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = now;
                publish(new JobEvent("progress", progress(run)));
            }
        }
        if (run.error() != null) {
            finish("failed", failure(run.error(), run.stepCount()));
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>(TrainingService.result(run));
        result.put("id", id);
        result.put("status", "done");
        finish("done", result);
    }

    private Map<String, Object> progress(TrainingRun run) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("step", run.stepCount());
        data.put("total", config.steps());
        data.put("epoch", run.epoch());
        double[] losses = new double[run.optimizerCount()];
        for (int k = 0; k < losses.length; k++) {
            losses[k] = run.lastLoss(k);
        }
        data.put("losses", losses);
        return data;
    }

    private Map<String, Object> failure(String message, int step) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("status", "failed");
        data.put("message", message);
        data.put("step", step);
        return data;
    }
}
