package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * POST /api/jobs, GET /api/jobs/{id}, GET /api/jobs/{id}/events (server-sent events), DELETE /api/jobs/{id}.
 * Every server sharing the store answers for every job: one it runs itself from the live job, another's from the
 * latest event that server wrote to the store.
 */
final class JobRoutes {
    private static final String FOUND = "job";

    /** How often an event stream of another server's job looks for a newer event. */
    private static final long FOLLOW_EVERY_MS = 500;

    private JobRoutes() {
    }

    static void register(JavalinConfig config, JobService jobs, TrainingService training) {
        config.routes.post("/api/jobs", ctx -> {
            Job job = jobs.submit(training.prepare(ctx.body()));
            ctx.status(202).json(new Job.Status(job.id, job.status(), null));
        });
        config.routes.get("/api/jobs/{id}", ctx -> {
            JobService.Found found = jobs.find(ctx.pathParam("id"));
            if (found.job() != null) {
                ctx.json(found.job().latest().data());
            } else {
                ctx.contentType("application/json").result(found.stored().json());
            }
        });
        config.routes.delete("/api/jobs/{id}", ctx -> ctx.json(jobs.cancel(ctx.pathParam("id"))));
        // An unknown job's stream is a 404 like any unknown job, before the stream (always a 200) begins; the job
        // found is handed to the stream.
        config.routes.before("/api/jobs/{id}/events", ctx -> ctx.attribute(FOUND, jobs.find(ctx.pathParam("id"))));
        config.routes.sse("/api/jobs/{id}/events", JobRoutes::stream);
    }

    private static boolean isEnd(String eventName) {
        return !eventName.equals("progress") && !eventName.equals("status");
    }

    /** Streams the job's events until it ends or the client goes away. */
    private static void stream(SseClient client) {
        JobService jobs = client.ctx().appData(PlaygroundApp.JOBS);
        JobService.Found found = client.ctx().attribute(FOUND); // found before the stream began (or a 404)
        client.keepAlive();
        if (found.job() == null) {
            follow(client, jobs, found.stored());
            return;
        }
        Job job = found.job();
        Consumer<Job.JobEvent> listener = event -> {
            client.sendEvent(event.name(), event.data());
            if (isEnd(event.name())) {
                client.close();
            }
        };
        client.onClose(() -> job.unsubscribe(listener));
        job.subscribe(listener);
    }

    /** Another server's job: its stored event now, then each newer one, until it ends. */
    private static void follow(SseClient client, JobService jobs, JobRepository.StoredEvent first) {
        String id = client.ctx().pathParam("id");
        long[] seen = {first.updatedAt()};
        send(client, first);
        if (first.ended()) {
            client.close();
            return;
        }
        ScheduledFuture<?>[] polling = new ScheduledFuture<?>[1];
        polling[0] = jobs.watcher.scheduleWithFixedDelay(() -> {
            try {
                JobRepository.StoredEvent event = jobs.reread(id);
                if (event != null && (event.updatedAt() != seen[0] || event.ended())) {
                    seen[0] = event.updatedAt();
                    send(client, event);
                    if (event.ended()) {
                        client.close();
                    }
                }
            } catch (RuntimeException e) {
                // the store is away for a moment: look again at the next round
            }
        }, FOLLOW_EVERY_MS, FOLLOW_EVERY_MS, TimeUnit.MILLISECONDS);
        client.onClose(() -> polling[0].cancel(false));
    }

    private static void send(SseClient client, JobRepository.StoredEvent event) {
        client.sendEvent(event.name(), new com.fasterxml.jackson.databind.util.RawValue(event.json()));
    }
}
