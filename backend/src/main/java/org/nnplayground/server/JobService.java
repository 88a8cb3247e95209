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
 * 429 rather than queued without bound), each within a time limit. Finished jobs are kept for a while
 * so their results can still be read, then forgotten oldest first.
 */
final class JobService implements AutoCloseable {
    private static final int KEEP_FINISHED = 100;
    private final int maxConcurrent;
    private final long timeLimitMillis;
    private final ExecutorService pool;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    JobService(int maxConcurrent, long timeLimitMillis) {
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
        Job job = new Job(UUID.randomUUID().toString(), run, step, timeLimitMillis);
        jobs.put(job.id, job);
        pool.execute(job::run);
        return job;
    }

    synchronized Job get(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("no job with id " + id);
        }
        return job;
    }

    private void forgetOldFinished() {
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
