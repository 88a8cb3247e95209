package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only the site's files asked for with the current version may be kept for good; pages and the API never. */
class SiteCachingTest {
    private static Javalin app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/webapp", Location.CLASSPATH);
            config.routes.get("/api/health", ctx -> ctx.result("ok"));
            SiteCaching.register(config, "0123456789abcdef");
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String cacheControl(HttpResponse<String> response) {
        return response.headers().firstValue("Cache-Control").orElse("");
    }

    @Test
    void theCurrentVersionIsKeptForAYear() throws Exception {
        for (String path : new String[] {"/engine/engine-worker.js?v=0123456789abcdef", "/app/trainer.js?v=0123456789abcdef",
                "/css/site.css?v=0123456789abcdef", "/vendor/chartjs/chart.umd.min.js?v=0123456789abcdef"}) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals(SiteCaching.LONG, cacheControl(response), path);
        }
    }

    @Test
    void anythingElseIsRevalidated() throws Exception {
        for (String path : new String[] {"/engine/engine-worker.js", "/engine/engine-worker.js?v=fedcba9876543210",
                "/app/trainer.js", "/regression.html", "/regression.html?v=0123456789abcdef", "/api/health?v=0123456789abcdef"}) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertNotEquals(SiteCaching.LONG, cacheControl(response), path);
        }
        assertNotEquals(SiteCaching.LONG, cacheControl(get("/engine/missing.js?v=0123456789abcdef")));
    }
}
