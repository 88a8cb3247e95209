package org.nnplayground.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.nnplayground.run.TrainingRun;

/**
 * Runs training jobs on a fixed pool: at most {@code maxConcurrent} at a time (more are refused with
 * 429 rather than queued without bound), each within a time limit. A finished job is kept {@code keptForMillis}
 * (its done event says so) and at most {@link #KEEP_FINISHED} of them, so its result can still be read; then
 * it is forgotten. Results are small: a job's loss history keeps at most {@link TrainResult#JOB_HISTORY} points.
 */
final class JobService implements AutoCloseable {
    private static final int KEEP_FINISHED = 100;
    private final int maxConcurrent;
    private final long timeLimitMillis;
    private final long keptForMillis;
    private final ExecutorService pool;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** Finished jobs are kept a quarter of an hour. */
    static final long KEEP_MILLIS = 15 * 60 * 1000;

    JobService(int maxConcurrent, long timeLimitMillis) {
        this(maxConcurrent, timeLimitMillis, KEEP_MILLIS);
    }

    JobService(int maxConcurrent, long timeLimitMillis, long keptForMillis) {
        this.keptForMillis = keptForMillis;
        this.maxConcurrent = maxConcurrent;
        this.timeLimitMillis = timeLimitMillis;
        this.pool = Executors.newFixedThreadPool(maxConcurrent, task -> {
            Thread thread = new Thread(task, "training-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized Job submit(TrainingRun run) {
        return submit(run, TrainingRun::step);
    }

    /** As {@link #submit(TrainingRun)}, each update made by {@code step} (tests make it fail). */
    synchronized Job submit(TrainingRun run, Job.Stepper step) {
        long active = jobs.values().stream().filter(job -> !job.isOver()).count();
        if (active >= maxConcurrent) {
            throw new ApiException(429, "too_many_jobs", "the server is already running " + active
                    + " jobs (its maximum); try again when one finishes");
        }
        forgetOldFinished();
        Job job = new Job(UUID.randomUUID().toString(), run, step, timeLimitMillis, keptForMillis);
        jobs.put(job.id, job);
        pool.execute(job::run);
        return job;
    }

    synchronized Job get(String id) {
        forgetOldFinished();
        Job job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("no job with id " + id + " (a finished job is kept " + keptForMillis / 1000 + " s)");
        }
        return job;
    }

    private void forgetOldFinished() {
        long now = System.currentTimeMillis();
        jobs.values().removeIf(job -> job.isExpired(now));
        int finished = (int) jobs.values().stream().filter(Job::isOver).count();
        Iterator<Job> it = jobs.values().iterator();
        while (finished > KEEP_FINISHED && it.hasNext()) {
            if (it.next().isOver()) {
                it.remove();
                finished--;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            jobs.values().forEach(Job::cancel);
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
