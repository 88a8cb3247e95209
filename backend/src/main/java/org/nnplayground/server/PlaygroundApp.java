package org.nnplayground.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.nnplayground.catalog.Catalog;
import org.nnplayground.json.JsonWriter;

/**
 * Builds the server: the static site (from the frontend jar on the classpath) and the JSON API. Returns it
 * unstarted, so production and tests start the very same app.
 */
public final class PlaygroundApp {
    private PlaygroundApp() {
    }

    /** Where handlers find the job manager. */
    static final io.javalin.config.Key<JobManager> JOBS = new io.javalin.config.Key<>("jobs");

    /** Largest request body accepted; larger ones get 413. */
    static final long MAX_BODY_BYTES = 1_000_000;

    public static Javalin create(ServerSettings settings) {
        TrainingService training = new TrainingService(settings.limits());
        JobManager jobs = new JobManager(settings.maxJobs(), settings.jobTimeLimitSeconds() * 1000L);
        ModelStore models = new ModelStore(settings.jdbcUrl());
        DatasetStore datasets = new DatasetStore(settings.jdbcUrl());
        Map<String, Object> everything = Catalog.toJson();
        String catalog = JsonWriter.write(everything);
        String scenarios = JsonWriter.write(everything.get("chapters"));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.appData(JOBS, jobs);
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.staticFiles.add("/webapp", Location.CLASSPATH);
            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            // The core's own JSON (whole numbers stay whole), the same text the browser engine gives; written once.
            config.routes.get("/api/scenarios", ctx -> ctx.contentType("application/json").result(scenarios));
            config.routes.get("/api/catalog", ctx -> ctx.contentType("application/json").result(catalog));
            config.routes.post("/api/train", ctx -> ctx.json(training.train(training.validate(ctx.body()))));
            SecurityHeaders.register(config, settings);
            JobRoutes.register(config, jobs, training);
            ModelRoutes.register(config, models);
            DatasetRoutes.register(config, datasets, settings.limits().maxPoints());
            ErrorResponses.register(config);
            config.events.serverStopped(jobs::close);
        });
        return app;
    }
}
