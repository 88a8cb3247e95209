package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.json.Json;

/** Datasets of your own on the server: stored only when the CSV reader accepts them, and read back. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class DatasetsApiTest {
    /** The store's database: each test runs on SQLite and on PostgreSQL. */
    @Parameter
    String store;

    private Path data;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("nn-datasets");
        app = PlaygroundApp.create(ServerSettings.forTests(data).withStoreUrl(TestStores.freshUrl(store, data)))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aDatasetIsStoredAndReadBackAsCsv() throws Exception {
        HttpResponse<String> saved = ApiClient.send(app, "POST", "/api/datasets", "a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n");
        assertEquals(201, saved.statusCode(), saved.body());
        Map<?, ?> answer = (Map<?, ?>) Json.parse(saved.body());
        assertEquals(3.0, answer.get("rows"));
        assertEquals(2.0, answer.get("classes"));
        HttpResponse<String> read = ApiClient.send(app, "GET", "/api/datasets/" + answer.get("id"), null);
        assertEquals(200, read.statusCode());
        assertEquals("a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n", read.body());
        assertEquals(404, ApiClient.send(app, "GET", "/api/datasets/nope", null).statusCode());
    }

    @Test
    void theServerAppliesThePagesRules() throws Exception {
        HttpResponse<String> bad = ApiClient.send(app, "POST", "/api/datasets", "x,y\n1,2\n3,oops\n");
        assertEquals(400, bad.statusCode());
        Map<?, ?> refusal = (Map<?, ?>) Json.parse(bad.body());
        assertEquals("row 3, column 2 (y): \"oops\" is not a number", refusal.get("message"));
        // The code and its parameters, so a page can say it in its reader's language.
        assertEquals("csv.notNumber", refusal.get("code"));
        assertEquals("oops", ((Map<?, ?>) refusal.get("params")).get("value"));
        HttpResponse<String> one = ApiClient.send(app, "POST", "/api/datasets", "1,2,a\n3,4,a\n");
        assertTrue(one.body().contains("only one class"), one.body());
        HttpResponse<String> binary = ApiClient.send(app, "POST", "/api/datasets", "\u0000\u0001\u0002PK\u0000\u0000");
        assertTrue(binary.body().contains("binary file"), binary.body());
    }
}
