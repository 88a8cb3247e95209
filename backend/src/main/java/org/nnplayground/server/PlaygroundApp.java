package org.nnplayground.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Builds the server: the static site (from the frontend jar on the classpath), Chart.js from its webjar,
 * and the JSON API. Returns it unstarted, so production and tests start the very same app.
 */
public final class PlaygroundApp {
    private PlaygroundApp() {
    }

    public static Javalin create(ServerSettings settings) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/webapp", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            ErrorResponses.register(config);
        });
    }
}
