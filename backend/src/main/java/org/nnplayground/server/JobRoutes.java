package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.util.function.Consumer;

/** POST /api/jobs, GET /api/jobs/{id}, GET /api/jobs/{id}/events (server-sent events), DELETE /api/jobs/{id}. */
final class JobRoutes {
    private JobRoutes() {
    }

    static void register(JavalinConfig config, JobService jobs, TrainingService training) {
        config.routes.post("/api/jobs", ctx -> {
            Job job = jobs.submit(training.prepare(ctx.body()));
            ctx.status(202).json(new Job.Status(job.id, job.status(), null));
        });
        config.routes.get("/api/jobs/{id}", ctx -> ctx.json(jobs.get(ctx.pathParam("id")).latest().data()));
        config.routes.delete("/api/jobs/{id}", ctx -> {
            Job job = jobs.get(ctx.pathParam("id"));
            job.cancel();
            ctx.json(new Job.Status(job.id, job.isOver() ? job.status() : "cancelling", null));
        });
        config.routes.sse("/api/jobs/{id}/events", JobRoutes::stream);
    }

    /** Streams the job's events until it ends or the client goes away. */
    private static void stream(SseClient client) {
        JobService jobs = client.ctx().appData(PlaygroundApp.JOBS);
        Job job;
        try {
            job = jobs.get(client.ctx().pathParam("id"));
        } catch (ApiException e) {
            client.sendEvent("error", ErrorResponses.body(e.code, e.getMessage()));
            client.close();
            return;
        }
        client.keepAlive();
        Consumer<Job.JobEvent> listener = event -> {
            client.sendEvent(event.name(), event.data());
            if (!event.name().equals("progress") && !event.name().equals("status")) {
                client.close();
            }
        };
        client.onClose(() -> job.unsubscribe(listener));
        job.subscribe(listener);
    }
}
