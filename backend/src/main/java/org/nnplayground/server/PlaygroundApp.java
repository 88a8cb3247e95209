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

    /** Where handlers find the jobs. */
    static final io.javalin.config.Key<JobService> JOBS = new io.javalin.config.Key<>("jobs");

    /** Largest request body accepted; larger ones get 413. */
    static final long MAX_BODY_BYTES = 1_000_000;
    static final long MIN_BODY_BYTES_PER_SECOND = 1_000;

    /** GET /api/health. */
    record Health(String status) {
    }

    public static Javalin create(ServerSettings settings) {
        TrainingService training = new TrainingService(settings.limits(), settings.jobTimeLimitSeconds() * 1000L);
        Database database = new Database(settings.jdbcUrl());
        JobService jobs = new JobService(settings.maxJobs(), settings.jobTimeLimitSeconds() * 1000L, JobService.KEEP_MILLIS,
                new JobRepository(database));
        StoreSettings store = settings.store();
        StoreQuota quota = new StoreQuota(database, store.quotaBytes());
        ModelService models = new ModelService(new ModelRepository(database), quota, settings.limits().maxParameters(), store.gallery());
        WriteRateLimit writeRate = new WriteRateLimit(store.writesPerMinute(), System::nanoTime);
        DatasetRepository datasets = new DatasetRepository(database);
        Map<String, Object> everything = Catalog.toJson();
        String catalog = JsonWriter.write(everything);
        String scenarios = JsonWriter.write(everything.get("chapters"));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.appData(JOBS, jobs);
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            // A body trickling in (a slow-loris client) is cut off: below this rate a request body times out, so slow
            // clients cannot hold the server's threads (300 of them at a byte every 5 s froze it).
            config.jetty.modifyHttpConfiguration(http -> {
                http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
                if (settings.behindProxy()) {
                    // The client's address (for the write rate) is the one the proxy forwards, not the proxy's own.
                    http.addCustomizer(new org.eclipse.jetty.server.ForwardedRequestCustomizer());
                }
            });
            config.staticFiles.add("/webapp", Location.CLASSPATH);
            SiteCaching.register(config, SiteCaching.siteVersion());
            config.routes.get("/api/health", ctx -> ctx.json(new Health("ok")));
            // The core's own JSON (whole numbers stay whole), the same text the browser engine gives; written once.
            config.routes.get("/api/scenarios", ctx -> ctx.contentType("application/json").result(scenarios));
            config.routes.get("/api/catalog", ctx -> ctx.contentType("application/json").result(catalog));
            // Run configurations and their results stay in the core's strict JSON, so browser and server read alike.
            config.routes.post("/api/train", ctx -> ctx.json(training.train(training.validate(ctx.body()))));
            SecurityHeaders.register(config, settings);
            WriteGuard.register(config, settings.corsOrigins());
            BodyTypes.register(config);
            writeRate.register(config);
            JobRoutes.register(config, jobs, training);
            ModelRoutes.register(config, models, store.adminKey());
            DatasetRoutes.register(config, datasets, quota, settings.limits().maxPoints());
            ErrorResponses.register(config);
            config.events.serverStopped(jobs::close);
        });
        return app;
    }
}
