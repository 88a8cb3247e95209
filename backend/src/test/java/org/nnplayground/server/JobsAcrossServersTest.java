package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.json.Json;
import org.nnplayground.run.Scenarios;

/**
 * Two servers on one store, as behind a reverse proxy: a job started on one is seen from the other — its status,
 * its event stream to the end, its result — and can be cancelled from the other; saved models are shared too.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class JobsAcrossServersTest {
    /** Minutes of training: it is still running when cancelled. */
    private static final String LONG_RUN = Scenarios.json("classification").replace("\"steps\":100", "\"steps\":20000")
            .replace("\"n\":200", "\"n\":5000").replace("{\"units\":10,\"activation\":\"ReLU\"}",
                    "{\"units\":128,\"activation\":\"ReLU\"},{\"units\":128,\"activation\":\"ReLU\"}");

    @Parameter
    String store;

    private String url;
    private Javalin first;
    private Javalin second;

    @BeforeEach
    void start() throws Exception {
        Path data = Files.createTempDirectory("nn-two");
        url = TestStores.freshUrl(store, data);
        first = PlaygroundApp.create(ServerSettings.forTests(data).withStoreUrl(url)).start("127.0.0.1", 0);
        second = PlaygroundApp.create(ServerSettings.forTests(data).withStoreUrl(url)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        for (Javalin app : new Javalin[] {first, second}) {
            if (app != null) {
                app.stop();
            }
        }
    }

    private static String submit(Javalin app, String config) throws Exception {
        HttpResponse<String> response = ApiClient.send(app, "POST", "/api/jobs", config);
        assertEquals(202, response.statusCode(), response.body());
        return (String) ((Map<?, ?>) Json.parse(response.body())).get("id");
    }

    @Test
    void aJobStartedOnOneServerIsFollowedToItsResultFromTheOther() throws Exception {
        String id = submit(first, Scenarios.json("optimizer-race").replace("\"epochs\":12", "\"epochs\":60"));
        HttpResponse<String> status = ApiClient.send(second, "GET", "/api/jobs/" + id, null);
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("\"id\":\"" + id + "\""), status.body());

        List<String[]> seenFromSecond = ApiClient.events(second, id);
        String[] last = seenFromSecond.get(seenFromSecond.size() - 1);
        assertEquals("done", last[0], "the other server's stream ends with the result");
        List<String[]> seenFromFirst = ApiClient.events(first, id);
        Map<?, ?> there = (Map<?, ?>) Json.parse(last[1]);
        Map<?, ?> here = (Map<?, ?>) Json.parse(seenFromFirst.get(seenFromFirst.size() - 1)[1]);
        assertEquals(here, there, "the same result from either server");
        assertEquals(4, ((List<?>) there.get("optimizers")).size());
        assertEquals(here, Json.parse(ApiClient.send(second, "GET", "/api/jobs/" + id, null).body()));
    }

    @Test
    void aJobIsCancelledThroughTheOtherServer() throws Exception {
        String id = submit(first, LONG_RUN);
        HttpResponse<String> cancel = ApiClient.send(second, "DELETE", "/api/jobs/" + id, null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertTrue(cancel.body().contains("\"status\":\"cancelling\""), cancel.body());
        List<String[]> events = ApiClient.events(first, id);
        assertEquals("cancelled", events.get(events.size() - 1)[0], "the server running it stopped it");
        assertTrue(ApiClient.send(second, "GET", "/api/jobs/" + id, null).body().contains("\"status\":\"cancelled\""));
        assertEquals(404, ApiClient.send(second, "GET", "/api/jobs/no-such-job", null).statusCode());
    }

    /** A server killed mid-job (kill -9) writes nothing more: past a while its job reads as failed, not running forever. */
    @Test
    void aJobWhoseServerStoppedWritingIsReportedLost() throws Exception {
        new JobRepository(new Database(url)).record("orphan", "progress", "{\"id\":\"orphan\",\"step\":5}", false);
        assertTrue(ApiClient.send(second, "GET", "/api/jobs/orphan", null).body().contains("\"step\":5"), "fresh: still running");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("UPDATE jobs SET updated_at = updated_at - " + (JobService.STALE_MILLIS + 1000));
        }
        HttpResponse<String> lost = ApiClient.send(second, "GET", "/api/jobs/orphan", null);
        assertTrue(lost.body().contains("\"status\":\"failed\"") && lost.body().contains("stopped answering"), lost.body());
        List<String[]> events = ApiClient.events(second, "orphan");
        assertEquals("failed", events.get(events.size() - 1)[0], "its stream ends too");
    }

    @Test
    void aModelSavedOnOneServerIsReadAndDeletedOnTheOther() throws Exception {
        String body = "{\"name\":\"shared\",\"checkpoint\":" + org.nnplayground.io.CheckpointFile.write(
                new org.nnplayground.course.Net(1, 3, 1, new org.nnplayground.random.Generator(2))) + "}";
        Map<?, ?> saved = (Map<?, ?>) Json.parse(ApiClient.send(first, "POST", "/api/models", body).body());
        String id = (String) saved.get("id");
        assertEquals(200, ApiClient.send(second, "GET", "/api/models/" + id, null).statusCode());
        assertEquals(204, ApiClient.send(second, "DELETE", "/api/models/" + id, null, null, "Bearer " + saved.get("ownerKey")).statusCode());
        assertEquals(404, ApiClient.send(first, "GET", "/api/models/" + id, null).statusCode());
    }
}
