package org.nnplayground.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.TrainingRun;

/**
 * One server-side training run: it trains on a pool thread, publishes progress about ten times a
 * second to whoever listens (the server-sent events stream), and ends done, failed (divergence, time
 * limit, an exception, out of memory) or cancelled — every way out ends it with its event, so its slot
 * is free again. A listener that joins late first receives the latest event.
 */
final class Job {
    private static final long PROGRESS_EVERY_MS = 100;
    /** Progress reaches the store (for other servers) once a second; every other event at once. */
    private static final long JOURNAL_EVERY_MS = 1000;
    final String id;
    private TrainingRun run; // let go once the job has ended: a finished job keeps only its (small) result
    private final Stepper stepper;
    private final long timeLimitMillis;
    private final long keptForMillis;
    private volatile long endedAt; // System.currentTimeMillis() at the end
    private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile String status = "queued";
    private volatile JobEvent latest;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Journal journal;
    private long lastJournaled;
    private final AtomicBoolean journalFailed = new AtomicBoolean();

    /** Where a job's events are written for other servers to read; answers whether someone asked to cancel it. */
    @FunctionalInterface
    interface Journal {
        Journal NONE = (job, event, ended) -> false;

        boolean record(Job job, JobEvent event, boolean ended);
    }

    /** One update of the run (TrainingRun::step; tests make it fail). */
    @FunctionalInterface
    interface Stepper {
        boolean step(TrainingRun run);
    }

    Job(String id, TrainingRun run, Stepper stepper, long timeLimitMillis, long keptForMillis, Journal journal) {
        this.keptForMillis = keptForMillis;
        this.journal = journal;
        this.id = id;
        this.run = run;
        this.stepper = stepper;
        this.timeLimitMillis = timeLimitMillis;
        latest = new JobEvent("status", new Status(id, status, null));
    }

    /** A named event and its data, a record Jackson writes as JSON. */
    record JobEvent(String name, Object data) {
    }

    /** Queued, or cancelled (at a step once it ran). */
    record Status(String id, String status, @JsonInclude(JsonInclude.Include.NON_NULL) Integer step) {
    }

    /** About ten times a second: the step and each optimizer's latest loss (null when not finite). */
    record Progress(String id, int step, int total, int epoch, List<Object> losses) {
    }

    /** Diverged, or out of time. */
    record Failure(String id, String status, String message, int step) {
    }

    /** Done: the run's result beside the job's id and status, and how long the server keeps it. */
    record Done(String id, String status, long keptForSeconds, @JsonUnwrapped TrainResult result) {
    }

    String status() {
        return status;
    }

    /** Ended longer ago than the server keeps a finished job. */
    boolean isExpired(long now) {
        return isOver() && now - endedAt >= keptForMillis;
    }

    boolean isOver() {
        return status.equals("done") || status.equals("failed") || status.equals("cancelled");
    }

    void cancel() {
        cancelled = true;
        if (status.equals("queued")) {
            finish("cancelled", new Status(id, "cancelled", null));
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

    /** True the first time the journal fails for this job (so it is logged once). */
    boolean noteJournalFailure() {
        return journalFailed.compareAndSet(false, true);
    }

    /** Writes the latest event to the journal now (the queued status, when the job is accepted). */
    void journalLatest() {
        journal(latest, isOver());
    }

    private void journal(JobEvent event, boolean end) {
        long now = System.currentTimeMillis();
        if (!end && event.name().equals("progress") && now - lastJournaled < JOURNAL_EVERY_MS) {
            return;
        }
        lastJournaled = now;
        if (journal.record(this, event, end) && !end) {
            cancelled = true; // asked through another server
        }
    }

    private void publish(JobEvent event) {
        latest = event;
        journal(event, isOver());
        for (Consumer<JobEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                listeners.remove(listener); // a closed stream: stop sending to it
            }
        }
    }

    private void finish(String finalStatus, Object data) {
        if (!ended.compareAndSet(false, true)) {
            return; // ended once already (cancelled while queued, say): one end event only
        }
        status = finalStatus;
        endedAt = System.currentTimeMillis();
        publish(new JobEvent(finalStatus.equals("done") ? "done" : finalStatus.equals("failed") ? "failed" : "cancelled",
                data));
    }

    /** Trains to the end; called on a pool thread. Whatever happens, the job ends with its event. */
    void run() {
        if (cancelled) {
            run = null;
            return;
        }
        status = "running";
        try {
            train();
        } catch (OutOfMemoryError e) {
            finish("failed", failure("the server ran out of memory for this run; try fewer points or a smaller network",
                    run.stepCount()));
        } catch (RuntimeException | StackOverflowError e) {
            finish("failed", failure("training stopped at step " + run.stepCount() + ": " + e.getMessage(), run.stepCount()));
        } finally {
            if (!isOver()) {
                finish("failed", failure("training stopped at step " + run.stepCount(), run.stepCount()));
            }
            run = null;
        }
    }

    private void train() {
        long start = System.currentTimeMillis();
        long lastProgress = 0;
        while (!run.isFinished()) {
            if (cancelled) {
                finish("cancelled", new Status(id, "cancelled", run.stepCount()));
                return;
            }
            long now = System.currentTimeMillis();
            if (now - start > timeLimitMillis) {
                finish("failed", failure("time limit of " + timeLimitMillis / 1000 + " s reached at step " + run.stepCount(),
                        run.stepCount()));
                return;
            }
            stepper.step(run);
            if (now - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = now;
                publish(new JobEvent("progress", progress(run)));
            }
        }
        if (run.error() != null) {
            finish("failed", failure(run.error(), run.stepCount()));
            return;
        }
        finish("done", new Done(id, "done", keptForMillis / 1000, TrainResult.of(run, true, TrainResult.JOB_HISTORY)));
    }

    private Progress progress(TrainingRun run) {
        double[] losses = new double[run.optimizerCount()];
        for (int k = 0; k < losses.length; k++) {
            losses[k] = run.lastLoss(k);
        }
        return new Progress(id, run.stepCount(), run.config().steps(), run.epoch(), JsonWriter.finiteOrNull(losses));
    }

    private Failure failure(String message, int step) {
        return new Failure(id, "failed", message, step);
    }
}
