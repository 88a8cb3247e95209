package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.course.Net;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.random.Generator;

/**
 * Who may do what with saved models: a save hands out an owner key once; only that key (or the host's admin
 * key) changes or deletes; the list shows one's own models unless the host opened a gallery; bodies come in
 * their one content type; writes per address are rate-limited; the store has a quota.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class OwnersApiTest {
    /** The store's database: each test runs on SQLite and on PostgreSQL. */
    @Parameter
    String store;

    private static final String ADMIN = "admin-key-for-tests-0123456789";
    private Javalin app;

    private Javalin start(StoreSettings rules) throws Exception {
        java.nio.file.Path data = Files.createTempDirectory("nn-owners");
        app = PlaygroundApp.create(ServerSettings.forTests(data).withStore(rules).withStoreUrl(TestStores.freshUrl(store, data)))
                .start("127.0.0.1", 0);
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        return ApiClient.send(app, method, path, body, "application/json", key == null ? null : "Bearer " + key);
    }

    private static String modelBody(String name) {
        return JsonWriter.write(Map.of("name", name, "checkpoint", Json.parse(CheckpointFile.write(new Net(1, 4, 1, new Generator(1))))));
    }

    private static Map<?, ?> object(HttpResponse<String> response) {
        return (Map<?, ?>) Json.parse(response.body());
    }

    private List<?> list(String key, String query) throws Exception {
        HttpResponse<String> response = send("GET", "/api/models" + query, null, key);
        assertEquals(200, response.statusCode(), response.body());
        return (List<?>) Json.parse(response.body());
    }

    @Test
    void aFirstSaveIssuesAKeyThatAloneChangesAndDeletesItsModels() throws Exception {
        start(StoreSettings.DEFAULTS.withAdminKey(ADMIN));
        HttpResponse<String> first = send("POST", "/api/models", modelBody("mine"), null);
        assertEquals(201, first.statusCode(), first.body());
        String key = (String) object(first).get("ownerKey");
        assertTrue(key.matches("nnp_[A-Za-z0-9_-]{43}"), key);
        String id = (String) object(first).get("id");

        HttpResponse<String> second = send("POST", "/api/models", modelBody("mine too"), key);
        assertEquals(201, second.statusCode());
        assertNull(object(second).get("ownerKey"), "a key is shown once, when it is issued");
        assertEquals(2, list(key, "").size(), "the list shows the key's own models");
        String other = (String) object(send("POST", "/api/models", modelBody("theirs"), null)).get("ownerKey");
        assertEquals(1, list(other, "").size());
        assertEquals(List.of(), list(null, ""), "no key, no list");

        // Reading by id (a share link) needs no key.
        assertEquals(200, send("GET", "/api/models/" + id, null, null).statusCode());
        HttpResponse<String> anonymous = send("DELETE", "/api/models/" + id, null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("owner_key_required", object(anonymous).get("error"));
        HttpResponse<String> stranger = send("DELETE", "/api/models/" + id, null, other);
        assertEquals(403, stranger.statusCode());
        assertEquals("not_owner", object(stranger).get("error"));
        HttpResponse<String> strangerPut = ApiClient.send(app, "PUT", "/api/models/" + id + "/state-dict", "{}", "application/json",
                "Bearer " + other);
        assertEquals(403, strangerPut.statusCode(), "changing the weights needs the key too");
        HttpResponse<String> malformed = ApiClient.send(app, "DELETE", "/api/models/" + id, null, null, "Bearer guessable");
        assertEquals(401, malformed.statusCode());
        assertEquals("bad_owner_key", object(malformed).get("error"));
        assertEquals(200, send("GET", "/api/models/" + id, null, null).statusCode(), "still there");

        assertEquals(204, send("DELETE", "/api/models/" + id, null, key).statusCode());
        assertEquals(404, send("GET", "/api/models/" + id, null, null).statusCode());
        // The host's admin key moderates: it deletes another's model.
        String theirs = (String) ((Map<?, ?>) list(other, "").get(0)).get("id");
        assertEquals(204, ApiClient.send(app, "DELETE", "/api/models/" + theirs, null, null, "Bearer " + ADMIN).statusCode());
        assertEquals(List.of(), list(other, ""));
    }

    @Test
    void theGalleryListsEveryModelOnlyWhenTheHostTurnsItOn() throws Exception {
        start(StoreSettings.DEFAULTS.withAdminKey(ADMIN));
        send("POST", "/api/models", modelBody("a"), null);
        send("POST", "/api/models", modelBody("b"), null);
        HttpResponse<String> closed = send("GET", "/api/models?scope=all", null, null);
        assertEquals(403, closed.statusCode());
        assertEquals("gallery_off", object(closed).get("error"));
        assertEquals(2, ((List<?>) Json.parse(ApiClient.send(app, "GET", "/api/models?scope=all", null, null, "Bearer " + ADMIN)
                .body())).size(), "the admin sees every model");
        assertEquals(400, send("GET", "/api/models?scope=everything", null, null).statusCode());
        app.stop();

        start(StoreSettings.DEFAULTS.withGallery(true));
        send("POST", "/api/models", modelBody("c"), null);
        send("POST", "/api/models", modelBody("d"), null);
        assertEquals(2, list(null, "?scope=all").size());
    }

    /** A "simple" cross-origin request (text/plain, a form) needs no preflight: such bodies are refused outright. */
    @Test
    void writesTakeTheirBodyOnlyInTheirOwnContentType() throws Exception {
        start(StoreSettings.DEFAULTS);
        for (String path : new String[] {"/api/models", "/api/train", "/api/jobs"}) {
            for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null}) {
                HttpResponse<String> response = ApiClient.send(app, "POST", path, modelBody("x"), type, null);
                assertEquals(415, response.statusCode(), path + " as " + type);
                assertTrue(((String) object(response).get("message")).startsWith("send the body of POST " + path + " as application/json"));
            }
        }
        HttpResponse<String> csvAsText = ApiClient.send(app, "POST", "/api/datasets", "x,y\n1,2\n3,4\n", "text/plain", null);
        assertEquals(415, csvAsText.statusCode());
        assertEquals(201, ApiClient.send(app, "POST", "/api/datasets", "x,y\n1,2\n3,4\n", "text/csv; charset=utf-8", null).statusCode());
        assertEquals(201, ApiClient.send(app, "POST", "/api/models", modelBody("x"), "application/json; charset=UTF-8", null).statusCode());
        assertEquals(List.of(), list(null, ""));
    }

    @Test
    void writesPastTheRatePerAddressGet429WithRetryAfter() throws Exception {
        start(StoreSettings.DEFAULTS.withWritesPerMinute(3));
        String key = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> saved = send("POST", "/api/models", modelBody("m" + i), key);
            assertEquals(201, saved.statusCode(), saved.body());
            key = key == null ? (String) object(saved).get("ownerKey") : key;
        }
        HttpResponse<String> limited = send("POST", "/api/models", modelBody("one too many"), key);
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limited", object(limited).get("error"));
        long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 20, "a write comes back within 20 s at 3 a minute: " + retry);
        assertEquals(429, ApiClient.send(app, "POST", "/api/datasets", "x,y\n1,2\n", "text/csv", null).statusCode(),
                "datasets count too");
        assertEquals(3, list(key, "").size(), "reads are not limited, and nothing was stored past the limit");
    }

    @Test
    void aFullStoreRefusesSavesWith507AndKeepsServingReads() throws Exception {
        int size = modelBody("x").length();
        start(StoreSettings.DEFAULTS.withQuotaBytes(size * 3L / 2)); // room for one model, not two
        HttpResponse<String> first = send("POST", "/api/models", modelBody("fits"), null);
        String key = (String) object(first).get("ownerKey");
        assertEquals(201, first.statusCode());
        HttpResponse<String> full = send("POST", "/api/models", modelBody("too much"), key);
        assertEquals(507, full.statusCode());
        assertEquals("store_full", object(full).get("error"));
        assertTrue(((String) object(full).get("message")).startsWith("the model store is full"), full.body());
        assertEquals(507, ApiClient.send(app, "POST", "/api/datasets", "x,y\n" + "1,2\n".repeat(size / 4), "text/csv", null).statusCode());
        String id = (String) object(first).get("id");
        assertEquals(200, send("GET", "/api/models/" + id, null, null).statusCode(), "reads go on");
        assertEquals(204, send("DELETE", "/api/models/" + id, null, key).statusCode());
        assertEquals(201, send("POST", "/api/models", modelBody("room again"), key).statusCode(), "deleting makes room");
        assertFalse(list(key, "").isEmpty());
    }
}
