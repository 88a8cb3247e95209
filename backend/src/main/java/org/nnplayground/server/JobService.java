package org.nnplayground.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nnplayground.run.TrainingRun;

/**
 * Runs training jobs on a fixed pool: at most {@code maxConcurrent} at a time (more are refused with
 * 429 rather than queued without bound), each within a time limit. A finished job is kept {@code keptForMillis}
 * (its done event says so) and at most {@link #KEEP_FINISHED} of them, so its result can still be read; then
 * it is forgotten. Results are small: a job's loss history keeps at most {@link TrainResult#JOB_HISTORY} points.
 *
 * <p>With a store ({@link JobRepository}), each job's latest event is also written there, so servers sharing
 * one database answer for each other's jobs: {@link #find} returns a job of this server or of another one.
 */
final class JobService implements AutoCloseable {
    private static final int KEEP_FINISHED = 100;
    /** A job of another server that has not written for this long is taken for lost with its server. */
    static final long STALE_MILLIS = 30_000;

    private final int maxConcurrent;
    private final long timeLimitMillis;
    private final long keptForMillis;
    private final ExecutorService pool;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final JobRepository stored; // null: jobs live only in this server
    private final Job.Journal journal;
    /** Follows other servers' jobs for event streams opened here. */
    final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "job-watcher");
        thread.setDaemon(true);
        return thread;
    });

    /** Finished jobs are kept a quarter of an hour. */
    static final long KEEP_MILLIS = 15 * 60 * 1000;

    JobService(int maxConcurrent, long timeLimitMillis) {
        this(maxConcurrent, timeLimitMillis, KEEP_MILLIS, null);
    }

    JobService(int maxConcurrent, long timeLimitMillis, long keptForMillis) {
        this(maxConcurrent, timeLimitMillis, keptForMillis, null);
    }

    JobService(int maxConcurrent, long timeLimitMillis, long keptForMillis, JobRepository stored) {
        this.keptForMillis = keptForMillis;
        this.maxConcurrent = maxConcurrent;
        this.timeLimitMillis = timeLimitMillis;
        this.stored = stored;
        this.journal = stored == null ? Job.Journal.NONE : new JobJournal(stored);
        this.pool = Executors.newFixedThreadPool(maxConcurrent, task -> {
            Thread thread = new Thread(task, "training-job");
            thread.setDaemon(true);
            return thread;
        });
        if (stored != null) {
            watcher.scheduleWithFixedDelay(this::forgetOldStored, 1, 1, TimeUnit.MINUTES);
        }
    }

    synchronized Job submit(TrainingRun run) {
        return submit(run, TrainingRun::step);
    }

    /** As {@link #submit(TrainingRun)}, each update made by {@code step} (tests make it fail). */
    synchronized Job submit(TrainingRun run, Job.Stepper step) {
        long active = jobs.values().stream().filter(job -> !job.isOver()).count();
        if (active >= maxConcurrent) {
            throw new ApiException(429, "too_many_jobs", "the server is already running " + active
                    + " jobs (its maximum); try again when one finishes").with("active", active);
        }
        forgetOldFinished();
        Job job = new Job(UUID.randomUUID().toString(), run, step, timeLimitMillis, keptForMillis, journal);
        jobs.put(job.id, job);
        job.journalLatest();
        pool.execute(job::run);
        return job;
    }

    /** A job of this server. */
    synchronized Job get(String id) {
        Job job = local(id);
        if (job == null) {
            throw notFound(id);
        }
        return job;
    }

    private synchronized Job local(String id) {
        forgetOldFinished();
        return jobs.get(id);
    }

    /** A job of this server, or the latest event another server sharing the store wrote for it. */
    Found find(String id) {
        Job job = local(id);
        if (job != null) {
            return new Found(job, null);
        }
        JobRepository.StoredEvent event = stored == null ? null : stored.latest(id);
        if (event == null) {
            throw notFound(id);
        }
        return new Found(null, staleAsLost(id, event));
    }

    /** Cancels a job wherever it runs: here at once, elsewhere at that server's next write to the store. */
    Job.Status cancel(String id) {
        Found found = find(id);
        if (found.job() != null) {
            found.job().cancel();
            return new Job.Status(id, found.job().isOver() ? found.job().status() : "cancelling", null);
        }
        if (found.stored().ended()) {
            return new Job.Status(id, found.stored().name(), null); // an end event's name is the job's status
        }
        stored.requestCancel(id);
        return new Job.Status(id, "cancelling", null);
    }

    /** The latest event of another server's job, read again (for its event stream). */
    JobRepository.StoredEvent reread(String id) {
        JobRepository.StoredEvent event = stored.latest(id);
        return event == null ? null : staleAsLost(id, event);
    }

    /** A job here (its live object) or elsewhere (its latest stored event). */
    record Found(Job job, JobRepository.StoredEvent stored) {
    }

    private static JobRepository.StoredEvent staleAsLost(String id, JobRepository.StoredEvent event) {
        if (event.ended() || System.currentTimeMillis() - event.updatedAt() < STALE_MILLIS) {
            return event;
        }
        String json = JobJournal.json(new Job.Failure(id, "failed",
                "the server running this job stopped answering; start the job again", -1));
        return new JobRepository.StoredEvent("failed", json, event.updatedAt(), true);
    }

    private ApiException notFound(String id) {
        return ApiException.notFound("job", id, "no job with id " + id + " (a finished job is kept " + keptForMillis / 1000 + " s)");
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

    /** Forgets stored jobs that ended longer ago than a finished job is kept (once a minute). */
    private void forgetOldStored() {
        try {
            stored.forgetEndedBefore(System.currentTimeMillis() - keptForMillis);
        } catch (RuntimeException e) {
            // the store is away for now (a 503 condition): the next round tries again
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            jobs.values().forEach(Job::cancel);
        }
        watcher.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
