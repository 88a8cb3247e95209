package org.nnplayground.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;
import org.nnplayground.server.StoreSettings;

/**
 * Replays the corpus of bad requests, hostile weight files and bad CSVs against a real server: no answer may be a
 * 5xx, none may hang (30 s), every refusal is JSON with an error code and a message, and the server is healthy
 * after. Nothing from the corpus is stored.
 */
class CorpusIT {
    private static Javalin app;
    private static String modelId;
    private static String ownerKey;

    @BeforeAll
    static void start() throws Exception {
        app = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-corpus"))
                .withStore(StoreSettings.DEFAULTS.withWritesPerMinute(100_000))).start("127.0.0.1", 0);
        HttpResponse<String> saved = send("POST", "/api/models", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{\"name\":\"target\",\"checkpoint\":" + BadRequests.CHECKPOINT + "}"));
        assertEquals(201, saved.statusCode(), saved.body());
        modelId = (String) ((Map<?, ?>) Json.parse(saved.body())).get("id");
        ownerKey = (String) ((Map<?, ?>) Json.parse(saved.body())).get("ownerKey");
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String key,
            HttpRequest.BodyPublisher body) throws Exception {
        return ReliabilityHttp.send(app.port(), method, path, contentType, key, body);
    }

    /** One case's outcome: its status, or -1 for a hang; and what was wrong with the answer, if anything. */
    private record Outcome(String what, int status, String problem, String message) {
        Outcome(String what, int status, String problem) {
            this(what, status, problem, null);
        }
    }

    private static Outcome check(String what, HttpRequestSender sender) {
        try {
            HttpResponse<String> response = sender.send();
            int status = response.statusCode();
            if (status >= 500) {
                return new Outcome(what, status, "a " + status + ": " + abbreviated(response.body()));
            }
            if (status >= 400) {
                Object body;
                try {
                    body = Json.parse(response.body());
                } catch (RuntimeException e) {
                    return new Outcome(what, status, "a refusal that is not JSON: " + abbreviated(response.body()));
                }
                if (!(body instanceof Map<?, ?> map) || !(map.get("error") instanceof String) || !(map.get("message") instanceof String)
                        || ((String) map.get("message")).isBlank()) {
                    return new Outcome(what, status, "a refusal without error and message: " + abbreviated(response.body()));
                }
            }
            return new Outcome(what, status, null, status >= 400 ? (String) ((Map<?, ?>) Json.parse(response.body())).get("message") : null);
        } catch (HttpTimeoutException e) {
            return new Outcome(what, -1, "no answer within " + ReliabilityHttp.HANG.toSeconds() + " s");
        } catch (Exception e) {
            return new Outcome(what, -2, "the connection failed: " + e);
        }
    }

    @FunctionalInterface
    private interface HttpRequestSender {
        HttpResponse<String> send() throws Exception;
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static void report(String corpus, List<Outcome> outcomes, long millis) throws Exception {
        List<String> problems = outcomes.stream().filter(o -> o.problem() != null).map(o -> o.what() + ": " + o.problem()).toList();
        long refused = outcomes.stream().filter(o -> o.status() >= 400 && o.status() < 500).count();
        Figures.record(corpus + ": " + outcomes.size() + " cases in " + millis + " ms, " + refused + " refused with a JSON 4xx, "
                + outcomes.stream().filter(o -> o.status() >= 500).count() + " 5xx, "
                + outcomes.stream().filter(o -> o.status() == -1).count() + " hangs"
                + accepted(outcomes));
        assertEquals(List.of(), problems);
        HttpResponse<String> health = send("GET", "/api/health", null, null, HttpRequest.BodyPublishers.noBody());
        assertEquals(200, health.statusCode(), "healthy after the corpus");
    }

    private static String accepted(List<Outcome> outcomes) {
        List<String> accepted = outcomes.stream().filter(o -> o.status() >= 200 && o.status() < 300).map(Outcome::what).toList();
        return accepted.isEmpty() ? "" : "; accepted as valid: " + String.join(", ", accepted);
    }

    @Test
    void badRequestsAreRefusedWithJsonAndNeverA5xx() throws Exception {
        long start = System.currentTimeMillis();
        List<Outcome> outcomes = new ArrayList<>();
        for (BadRequests.Request r : BadRequests.all()) {
            HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.body());
            outcomes.add(check(r.what(), () -> send(r.method(), r.path(), r.contentType(), null, body)));
        }
        assertTrue(outcomes.stream().allMatch(o -> o.status() != 200 && o.status() != 201 && o.status() != 202
                || o.what().startsWith("GET /api/models?scope")), "nothing bad was accepted: " + outcomes.stream()
                .filter(o -> o.status() >= 200 && o.status() < 300).map(Outcome::what).toList());
        report("bad requests", outcomes, System.currentTimeMillis() - start);
    }

    @Test
    void hostileWeightFilesAreRefusedAndTheStoredModelIsUnchanged() throws Exception {
        String before = send("GET", "/api/models/" + modelId, null, null, HttpRequest.BodyPublishers.noBody()).body();
        long start = System.currentTimeMillis();
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : HostileFiles.all().entrySet()) {
            outcomes.add(check(file.getKey(), () -> send("PUT", "/api/models/" + modelId + "/state-dict", "application/octet-stream",
                    ownerKey, HttpRequest.BodyPublishers.ofByteArray(file.getValue()))));
        }
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 400 || o.status() == 413), outcomes.stream()
                .filter(o -> o.status() != 400 && o.status() != 413).map(o -> o.what() + " " + o.status()).toList().toString());
        report("hostile weight files", outcomes, System.currentTimeMillis() - start);
        // The files reach the checks they were built for (not refused earlier as unreadable).
        Map<String, String> messages = new java.util.HashMap<>();
        outcomes.forEach(o -> messages.put(o.what(), o.message()));
        assertTrue(messages.get("pickle calling os.system").startsWith("refused: the file asks for os.system"), messages.toString());
        assertTrue(messages.get("view at offset 2^40").contains("claims"), messages.get("view at offset 2^40"));
        assertTrue(messages.get("stride-0 view spread to 10^10 values").contains("values"), messages.get("stride-0 view spread to 10^10 values"));
        assertTrue(messages.get("list nested 60000 deep as a key").contains("not a list"), messages.get("list nested 60000 deep as a key"));
        assertTrue(messages.get("100 entries sharing one entry's data").contains("shares its data"),
                messages.get("100 entries sharing one entry's data"));
        assertEquals(before, send("GET", "/api/models/" + modelId, null, null, HttpRequest.BodyPublishers.noBody()).body(),
                "the stored model is as it was");
        assertTrue(!Files.exists(java.nio.file.Path.of("/tmp/nn-pwned")), "no pickle ran anything");
    }

    @Test
    void badCsvFilesGetAnAnswerAndNeverA5xx() throws Exception {
        long start = System.currentTimeMillis();
        List<Outcome> outcomes = new ArrayList<>();
        for (String[] csv : BadRequests.csvs()) {
            outcomes.add(check("CSV: " + csv[0], () -> send("POST", "/api/datasets", "text/csv", null,
                    HttpRequest.BodyPublishers.ofString(csv[1]))));
        }
        report("bad CSV files", outcomes, System.currentTimeMillis() - start);
        assertEquals(201, outcomes.stream().filter(o -> o.what().equals("CSV: a BOM and a numeric first row")).findFirst().orElseThrow()
                .status(), "a BOM before numbers is still three rows of data");
    }
}
