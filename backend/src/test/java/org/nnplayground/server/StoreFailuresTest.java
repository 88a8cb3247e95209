package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnplayground.course.Net;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.random.Generator;
import org.nnplayground.run.Scenarios;

/**
 * A store that fills up, turns read-only or loses its database answers what happened (507/503 JSON, never a
 * 500), keeps serving what it can, and recovers by itself once the condition clears. Each condition is the
 * real one SQLite reports: a page limit reached (SQLITE_FULL, as a full disk), a read-only connection
 * (SQLITE_READONLY), a file that is gone (SQLITE_CANTOPEN).
 */
class StoreFailuresTest {
    private final List<Javalin> apps = new ArrayList<>();
    private final String key = OwnerKeys.newKey();

    @AfterEach
    void stop() {
        apps.forEach(Javalin::stop);
    }

    private Javalin start(Path data, String url) {
        Javalin app = PlaygroundApp.create(ServerSettings.forTests(data).withStoreUrl(url)).start("127.0.0.1", 0);
        apps.add(app);
        return app;
    }

    private HttpResponse<String> send(Javalin app, String method, String path, String body) throws Exception {
        return ApiClient.send(app, method, path, body, "application/json", "Bearer " + key);
    }

    private static String model(int hidden) {
        return JsonWriter.write(Map.of("name", "m", "checkpoint", Json.parse(CheckpointFile.write(new Net(1, hidden, 1, new Generator(1))))));
    }

    private static void assertCondition(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, ((Map<?, ?>) Json.parse(response.body())).get("error"));
        if (status == 503) {
            assertEquals(String.valueOf(StoreFailures.RETRY_AFTER_SECONDS), response.headers().firstValue("Retry-After").orElse(""));
        }
    }

    @Test
    void aFullStoreAnswers507KeepsReadingAndSavesAgainOnceThereIsRoom() throws Exception {
        Path data = Files.createTempDirectory("nn-full");
        Javalin app = start(data, "jdbc:sqlite:" + data.resolve("models.db") + "?max_page_count=40");
        List<String> saved = new ArrayList<>();
        HttpResponse<String> response;
        while ((response = send(app, "POST", "/api/models", model(300))).statusCode() == 201) {
            saved.add((String) ((Map<?, ?>) Json.parse(response.body())).get("id"));
            assertTrue(saved.size() < 100, "the store never filled");
        }
        assertCondition(response, 507, "store_full");
        assertTrue(saved.size() >= 2, "models were saved before it filled: " + saved.size());
        assertEquals(200, send(app, "GET", "/api/models/" + saved.get(0), null).statusCode(), "reading goes on");
        assertEquals(saved.size(), ((List<?>) Json.parse(send(app, "GET", "/api/models", null).body())).size());
        assertEquals(204, send(app, "DELETE", "/api/models/" + saved.get(0), null).statusCode());
        assertEquals(204, send(app, "DELETE", "/api/models/" + saved.get(1), null).statusCode());
        assertEquals(201, send(app, "POST", "/api/models", model(300)).statusCode(), "room again, without a restart");
    }

    @Test
    void aReadOnlyStoreAnswers503AndKeepsReading() throws Exception {
        Path data = Files.createTempDirectory("nn-readonly");
        Javalin writable = start(data, null);
        String id = (String) ((Map<?, ?>) Json.parse(send(writable, "POST", "/api/models", model(4)).body())).get("id");
        Javalin readOnly = start(data, "jdbc:sqlite:" + data.resolve("models.db") + "?open_mode=1");
        assertCondition(send(readOnly, "POST", "/api/models", model(4)), 503, "store_read_only");
        assertCondition(send(readOnly, "DELETE", "/api/models/" + id, null), 503, "store_read_only");
        assertEquals(200, send(readOnly, "GET", "/api/models/" + id, null).statusCode(), "reading goes on");
        assertEquals(1, ((List<?>) Json.parse(send(readOnly, "GET", "/api/models", null).body())).size());
    }

    @Test
    void aMissingDatabaseAnswers503TheRestWorksAndItComesBackWhenRestored() throws Exception {
        Path data = Files.createTempDirectory("nn-missing");
        Javalin app = start(data, null);
        String id = (String) ((Map<?, ?>) Json.parse(send(app, "POST", "/api/models", model(4)).body())).get("id");
        Path db = data.resolve("models.db");
        Path backup = Files.move(db, data.resolve("backup.db"));
        assertCondition(send(app, "GET", "/api/models/" + id, null), 503, "store_unavailable");
        assertCondition(send(app, "POST", "/api/models", model(4)), 503, "store_unavailable");
        assertTrue(!Files.exists(db), "no new, empty store was made in its place");
        assertEquals(200, send(app, "GET", "/api/health", null).statusCode());
        assertEquals(200, send(app, "POST", "/api/train", Scenarios.json("regression")).statusCode(), "training does not need the store");
        Files.move(backup, db);
        assertEquals(200, send(app, "GET", "/api/models/" + id, null).statusCode(), "back by itself");
        assertEquals(201, send(app, "POST", "/api/models", model(4)).statusCode());
    }

    @Test
    void aDatabaseFileThatCannotBeOpenedAnswers503SayingSo() throws Exception {
        Path data = Files.createTempDirectory("nn-broken");
        Javalin app = start(data, null);
        Path db = data.resolve("models.db");
        Files.delete(db);
        Files.createDirectory(db); // the database file is now a folder: it cannot be opened
        HttpResponse<String> response = send(app, "GET", "/api/models", null);
        assertCondition(response, 503, "store_unavailable");
        assertTrue(((String) ((Map<?, ?>) Json.parse(response.body())).get("message")).startsWith("the model store is unavailable"));
    }

    /** A store that cannot be reached at start-up is named without its parameters: a password stays out of the log. */
    @Test
    void anUnreachableStoreIsNamedWithoutItsPassword() {
        String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new Database("jdbc:postgresql://127.0.0.1:1/nn?user=nn&password=secret-word&connectTimeout=2")).getMessage();
        assertTrue(message.startsWith("cannot open the model store at jdbc:postgresql://127.0.0.1:1/nn: "), message);
        assertTrue(!message.contains("secret-word"), message);
    }
}
