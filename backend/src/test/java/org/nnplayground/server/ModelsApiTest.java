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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.course.Net;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.random.Generator;

/** Saved models through the API: save, list, read, state dict, delete, bad input, concurrency, restart. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class ModelsApiTest {
    /** The store's database: each test runs on SQLite and on PostgreSQL. */
    @Parameter
    String store;

    private Path data;
    private String url;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("nn-models");
        url = TestStores.freshUrl(store, data);
        app = PlaygroundApp.create(ServerSettings.forTests(data).withStoreUrl(url)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /** Every request presents one owner key, as one browser's page does. */
    private final String ownerKey = OwnerKeys.newKey();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return ApiClient.send(app, method, path, body, "application/json", "Bearer " + ownerKey);
    }

    private static String modelBody(String name, int seed) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("checkpoint", Json.parse(CheckpointFile.write(new Net(1, 4, 1, new Generator(seed)))));
        return JsonWriter.write(body);
    }

    @SuppressWarnings("unchecked")
    private String save(String name, int seed) throws Exception {
        HttpResponse<String> response = send("POST", "/api/models", modelBody(name, seed));
        assertEquals(201, response.statusCode(), response.body());
        return (String) ((Map<String, Object>) Json.parse(response.body())).get("id");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aSavedModelCanBeListedReadAndDeleted() throws Exception {
        String first = save("first <b>model</b>", 1);
        Thread.sleep(5);
        String second = save("second", 2);
        List<Object> list = (List<Object>) Json.parse(send("GET", "/api/models", null).body());
        assertEquals(second, ((Map<String, Object>) list.get(0)).get("id"), "newest first");
        assertEquals("first <b>model</b>", ((Map<String, Object>) list.get(1)).get("name"), "names are data");

        String checkpoint = send("GET", "/api/models/" + first, null).body();
        Net original = new Net(1, 4, 1, new Generator(1));
        org.nnplayground.tensor.Tensor x = org.nnplayground.tensor.Tensor.linspace(-1, 1, 5).unsqueeze(1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(original.forward(x).toArray(),
                CheckpointFile.read(checkpoint).model().forward(x).toArray());
        assertTrue(send("GET", "/api/models/" + first + "/state-dict", null).body().contains("\"hidden.weight\""));

        assertEquals(204, send("DELETE", "/api/models/" + first, null).statusCode());
        assertEquals(404, send("GET", "/api/models/" + first, null).statusCode());
        assertEquals(404, send("DELETE", "/api/models/" + first, null).statusCode());
    }

    @Test
    void aBrokenCheckpointOrMissingNameIsRefused() throws Exception {
        HttpResponse<String> broken = send("POST", "/api/models", "{\"name\":\"x\",\"checkpoint\":{\"format\":\"nope\"}}");
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("format"), broken.body());
        assertEquals(400, send("POST", "/api/models", modelBody("", 1)).statusCode());
        HttpResponse<String> notAnObject = send("POST", "/api/models", "[]");
        assertEquals(400, notAnObject.statusCode());
        assertTrue(notAnObject.body().startsWith("{\"error\":\"bad_request\",\"message\":\"the body "), notAnObject.body());
        HttpResponse<String> misspelt = send("POST", "/api/models", modelBody("x", 1).replace("\"name\"", "\"nmae\""));
        assertEquals(400, misspelt.statusCode());
        assertTrue(misspelt.body().contains("nmae"), misspelt.body());
        assertEquals("{\"error\":\"bad_request\",\"message\":\"the body is not valid JSON\"}",
                send("POST", "/api/models", "{\"name\": ").body());
        assertEquals(0, ((List<?>) Json.parse(send("GET", "/api/models", null).body())).size(), "nothing half-saved");
    }

    /**
     * A tiny checkpoint declaring a huge layer is refused by its declared size (400, --max-parameters), before any
     * weight is built: it used to build 2 billion weights (out of memory) or answer 500.
     */
    @Test
    void aCheckpointDeclaringMoreParametersThanTheLimitIsRefusedBeforeItIsBuilt() throws Exception {
        for (String layer : new String[] {"{\"type\":\"Linear\",\"in_features\":1048576,\"out_features\":2047,\"bias\":true}",
                "{\"type\":\"Sequential\",\"layers\":[{\"type\":\"Linear\",\"in_features\":65536,\"out_features\":49152,"
                        + "\"bias\":true},{\"type\":\"ReLU\"}]}"}) {
            String body = "{\"name\":\"huge\",\"checkpoint\":{\"format\":\"nn-playground/checkpoint\",\"version\":1,"
                    + "\"architecture\":" + layer + ",\"state_dict\":{}}}";
            assertTrue(body.length() < 400, "a tiny request: " + body.length() + " bytes");
            HttpResponse<String> response = send("POST", "/api/models", body);
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("parameters; at most 200000 are allowed here"), response.body());
        }
        // At the limit's edge: 200,000 parameters are fine to declare (this file then fails on its missing weights).
        String edge = "{\"name\":\"edge\",\"checkpoint\":{\"format\":\"nn-playground/checkpoint\",\"version\":1,"
                + "\"architecture\":{\"type\":\"Linear\",\"in_features\":1999,\"out_features\":100,\"bias\":true},\"state_dict\":{}}}";
        HttpResponse<String> response = send("POST", "/api/models", edge);
        assertEquals(400, response.statusCode());
        assertTrue(!response.body().contains("at most 200000"), response.body());
        assertEquals(0, ((List<?>) Json.parse(send("GET", "/api/models", null).body())).size());
    }

    @Test
    void aCheckpointMayComeAsItsText() throws Exception {
        String text = CheckpointFile.write(new Net(1, 4, 1, new Generator(5)));
        HttpResponse<String> saved = send("POST", "/api/models", JsonWriter.write(Map.of("name", "as text", "checkpoint", text)));
        assertEquals(201, saved.statusCode(), saved.body());
        Map<?, ?> summary = (Map<?, ?>) Json.parse(saved.body());
        assertEquals(java.util.Set.of("id", "name", "createdAt"), summary.keySet());
        assertEquals(text, send("GET", "/api/models/" + summary.get("id"), null).body());
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> saves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int seed = i;
            saves.add(pool.submit(() -> save("model " + seed, seed)));
        }
        for (Future<String> f : saves) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, ((List<?>) Json.parse(send("GET", "/api/models", null).body())).size());
    }

    @Test
    void aRestartKeepsTheSavedModels() throws Exception {
        String id = save("kept", 3);
        app.stop();
        app = PlaygroundApp.create(ServerSettings.forTests(data).withStoreUrl(url)).start("127.0.0.1", 0);
        assertEquals(200, send("GET", "/api/models/" + id, null).statusCode());
    }
}
