package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production app on a random port: health, the static site with both engines, JSON errors. */
class PlaygroundAppTest {
    private static Javalin app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("nn-server-test");
        app = PlaygroundApp.create(ServerSettings.forTests(data)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = get("/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\"}", response.body());
    }

    @Test
    void servesTheSite() throws Exception {
        assertTrue(get("/").body().contains("NN Playground"));
        assertEquals(200, get("/app/trainer.js").statusCode());
        // The engine builds (nn.wasm, nn.js) come from TeaVM at package time; the browser tests load them.
    }

    @Test
    void unknownApiPathsAnswerJsonNotFound() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().startsWith("{\"error\":\"not_found\""), response.body());
    }

    /** A route's own 404 keeps its message and parameters (a page says them in its language), unlike a missing endpoint. */
    @Test
    void aMissingModelIsNamedWithItsParameters() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        HttpResponse<String> response = get("/api/models/" + id);
        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"not_found\",\"message\":\"no model with id " + id + "\",\"params\":{\"what\":\"model\",\"id\":\""
                + id + "\"}}", response.body());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scenariosAreTheCoursesConfigurationsWithWholeNumbersWhole() throws Exception {
        HttpResponse<String> response = get("/api/scenarios");
        assertEquals(200, response.statusCode());
        for (String name : org.nnplayground.run.Scenarios.all().keySet()) {
            assertTrue(response.body().contains("\"" + name + "\""), name);
        }
        assertTrue(response.body().contains("\"units\":10,"), response.body());
        assertFalse(response.body().contains("10.0"), response.body());
    }

    @SuppressWarnings("unchecked")
    @Test
    void theCatalogNamesEverythingWithPytorchsDefaults() throws Exception {
        HttpResponse<String> response = get("/api/catalog");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        Map<String, Object> catalog = (Map<String, Object>) org.nnplayground.json.Json.parse(response.body());
        java.util.List<Object> optimizers = (java.util.List<Object>) catalog.get("optimizers");
        Map<String, Object> adam = (Map<String, Object>) optimizers.get(3);
        assertEquals("Adam", adam.get("name"));
        assertEquals(Map.of("name", "betas", "kind", "pair", "default", java.util.List.of(0.9, 0.999)),
                ((java.util.List<Object>) adam.get("options")).get(1));
        assertEquals(org.nnplayground.catalog.Activations.names(), ((java.util.List<Object>) catalog.get("activations"))
                .stream().map((a) -> ((Map<String, Object>) a).get("name")).toList());
        assertEquals(org.nnplayground.run.Scenarios.all().keySet(), ((Map<String, Object>) catalog.get("chapters")).keySet());
    }

    @SuppressWarnings("unchecked")
    @Test
    void trainingOnTheServerGivesTheJvmCoresNumbers() throws Exception {
        String config = org.nnplayground.run.Scenarios.json("classification");
        HttpResponse<String> response = post("/api/train", config);
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = (Map<String, Object>) org.nnplayground.json.Json.parse(response.body());
        Map<String, Object> result = (Map<String, Object>) ((java.util.List<Object>) body.get("optimizers")).get(0);
        org.nnplayground.run.TrainingRun run = new org.nnplayground.run.TrainingRun(
                org.nnplayground.run.RunConfigJson.parse(config));
        while (run.step()) {
            // the same run on this side
        }
        assertEquals(run.lastLoss(0), ((java.util.List<Object>) result.get("history")).get(99));
        assertTrue((Double) result.get("accuracy") >= 0.95);
        assertTrue(result.get("checkpoint") instanceof Map);
        // The checkpoint is the core's own text, embedded as it is: whole numbers stay whole.
        assertTrue(response.body().contains(run.exportCheckpoint(0)), "the checkpoint is embedded verbatim");
    }

    @Test
    void badConfigurationsAndOverLimitRunsGet400WithTheReason() throws Exception {
        String config = org.nnplayground.run.Scenarios.json("regression");
        HttpResponse<String> bad = post("/api/train", config.replace("\"lr\":0.2", "\"lr\":-1"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Invalid learning rate"), bad.body());
        HttpResponse<String> tooLong = post("/api/train", config.replace("\"steps\":200", "\"steps\":900000"));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("limit exceeded: steps"), tooLong.body());
        HttpResponse<String> notJson = post("/api/train", "{nope");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().startsWith("{\"error\":\"bad_request\""), notJson.body());
        assertTrue(!notJson.body().contains("at org."), "no stack trace");
    }

    @Test
    void oversizedBodiesGet413AsJson() throws Exception {
        HttpResponse<String> response = post("/api/train", "x".repeat(1_200_000));
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("payload_too_large"), response.body());
    }

    @Test
    void responsesCarrySecurityHeadersAndNoCorsByDefault() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/health"))
                .header("Origin", "https://elsewhere.example").build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'self'"), csp);
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(get("/").headers().firstValue("Content-Security-Policy").isPresent(), "static files too");
    }

    /** The embed view (?embed=1) may be framed by any site by default; the rest of the site only by itself. */
    @Test
    void theEmbedViewMayBeFramedAnywhereAndTheSiteOnlyByItself() throws Exception {
        String embed = get("/regression.html?embed=1").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(embed.endsWith("frame-ancestors *"), embed);
        String full = get("/regression.html").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(full.endsWith("frame-ancestors 'self'"), full);
        Javalin strict = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-embed-strict"))
                .withEmbedAncestors("https://school.example")).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.port()
                    + "/race.html?embed=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").endsWith("frame-ancestors https://school.example"));
        } finally {
            strict.stop();
        }
        // Only CSP source expressions reach the header: no separators, quotes or line breaks.
        for (String bad : new String[] {"*; script-src *", "'self'\r\nX-Injected: 1", "https://a.example,https://b.example",
                "'unsafe-inline'", "https://a.example/\"x", ""}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> Main.parse(new String[] {"--embed-ancestors", bad}, Map.of())).getMessage();
            assertFalse(message.contains("\n") || message.contains("\r"), message);
            assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--frame-ancestors", bad}, Map.of()));
        }
        assertEquals("'self' https://*.school.example:8443/docs http: localhost:8080 'none'", Main.parse(new String[] {
            "--frame-ancestors", "'self' https://*.school.example:8443/docs http: localhost:8080 'none'"}, Map.of()).frameAncestors());
    }

    /**
     * Writes that a browser marks as coming from another site, or from the embed view, are refused with a JSON
     * 403 before they reach the store; the site's own pages and clients that are not browsers may write.
     */
    @Test
    void writesFromAnotherSiteOrTheEmbedViewAreRefused() throws Exception {
        String self = "http://127.0.0.1:" + app.port();
        Map<String, String[]> refused = Map.of(
                "another origin", new String[] {"Origin", "https://elsewhere.example"},
                "another site", new String[] {"Sec-Fetch-Site", "cross-site"},
                "an opaque origin", new String[] {"Origin", "null"},
                "the embed view", new String[] {"Referer", self + "/saveload.html?embed=1"});
        for (Map.Entry<String, String[]> c : refused.entrySet()) {
            for (String path : new String[] {"/api/models", "/api/datasets", "/api/train"}) {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(self + path))
                        .header(c.getValue()[0], c.getValue()[1]).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, response.statusCode(), c.getKey() + " " + path);
                assertTrue(response.body().startsWith("{\"error\":\"forbidden_origin\""), response.body());
            }
        }
        HttpResponse<String> own = CLIENT.send(HttpRequest.newBuilder(URI.create(self + "/api/models"))
                .header("Origin", self).header("Referer", self + "/saveload.html").header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, own.statusCode(), "the site's own page reaches the store (which finds the body wanting): " + own.body());
        assertEquals(400, post("/api/models", "{}").statusCode(), "so does a client that is not a browser");
    }

    @Test
    void embeddingAndCorsAreConfigurable() throws Exception {
        Javalin other = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-embed"))
                .withEmbedding("'self' https://docs.example.org", java.util.List.of("https://docs.example.org")))
                .start("127.0.0.1", 0);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/api/health"))
                    .header("Origin", "https://docs.example.org").build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals("https://docs.example.org", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("")
                    .endsWith("frame-ancestors 'self' https://docs.example.org"));
            // A preflight for the state-dict upload (PUT) from the allowed origin allows PUT.
            HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port()
                    + "/api/models/some-id/state-dict")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://docs.example.org").header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "content-type").build();
            HttpResponse<String> allowed = CLIENT.send(preflight, HttpResponse.BodyHandlers.ofString());
            assertEquals("https://docs.example.org", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"),
                    allowed.headers().map().toString());
        } finally {
            other.stop();
        }
    }

    /** An unknown host is named as such, in one line and exit code 2 (binding alone would call it a port in use). */
    @Test
    void anUnknownHostIsReportedAsOne() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = ServeCommand.commandLine(Map.of(), false);
        line.setErr(new java.io.PrintWriter(err));
        assertEquals(2, line.execute("--host", "no-such-host.invalid", "--port", "0"));
        assertTrue(err.toString().startsWith("error: --host no-such-host.invalid is not an address or a name this machine knows"), err.toString());
    }

    /** What start-up failures print: the command's error output and exit code. */
    private static String[] startUp(String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = ServeCommand.commandLine(Map.of(), false);
        line.setErr(new java.io.PrintWriter(err));
        int code = line.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    /**
     * Start-up failures are one line saying what to do, and a non-zero exit: no stack trace, no usage text, no
     * log line of the HTTP server (the port is checked first).
     */
    @Test
    void startUpFailuresAreOneLineSayingWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("nn-start");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String[] busy = startUp("--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()), "--data", dir.toString());
            assertEquals("1", busy[0]);
            assertEquals("error: port " + taken.getLocalPort() + " is already in use on 127.0.0.1; stop the other server or choose "
                    + "another --port", busy[1].strip());
        }
        Path file = Files.createFile(dir.resolve("a-file"));
        String[] notAFolder = startUp("--port", "0", "--data", file.toString());
        assertEquals("2", notAFolder[0]);
        assertEquals("error: the data folder " + file + " is a file; give --data a folder, or move the file away", notAFolder[1].strip());

        Path corrupt = Files.createDirectory(dir.resolve("corrupt"));
        Files.write(corrupt.resolve("models.db"), "not a database at all, just text ".repeat(200).getBytes());
        String[] damaged = startUp("--host", "127.0.0.1", "--port", "0", "--data", corrupt.toString());
        assertEquals("1", damaged[0]);
        assertTrue(damaged[1].startsWith("error: cannot open the model store at jdbc:sqlite:") && damaged[1].contains("not a database")
                && damaged[1].strip().endsWith("move it away to start an empty store or restore a backup"), damaged[1]);
        assertEquals(1, damaged[1].strip().lines().count(), damaged[1]);

        String[] tooLarge = startUp("--job-seconds", "99999999999");
        assertEquals("2", tooLarge[0]);
        assertEquals("error: Invalid value for option '--job-seconds': '99999999999' is too large: at most 2147483647\n"
                + "see: java -jar nn-playground.jar --help", tooLarge[1].strip().replace("\r", ""));
        assertTrue(startUp("--max-jobs", "two")[1].startsWith("error: Invalid value for option '--max-jobs': 'two' is not a whole number"));
    }

    /** A broken chunked body is the client's error (400 JSON), not a 500; uploads cut off midway leave the server well. */
    @Test
    void aBodyThatEndsEarlyIsA400NotA500() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write(("POST /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(600), java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("{\"error\":\"incomplete_body\""), answer);
        }
        for (int i = 0; i < 20; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
                socket.getOutputStream().write(("POST /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"name\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } // closed mid-body: the client went away
        }
        assertEquals(200, get("/api/health").statusCode());
    }

    /** Errors of the HTTP layer itself are the API's JSON on /api/ paths; a page keeps Jetty's HTML one. */
    @Test
    void protocolErrorsOnTheApiAreJson() throws Exception {
        String big = "a".repeat(20_000);
        HttpResponse<String> headers = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/health"))
                .header("X-Big", big).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, headers.statusCode());
        assertEquals("application/json", headers.headers().firstValue("Content-Type").orElse(""));
        assertTrue(headers.body().startsWith("{\"error\":\"http_431\",\"message\":\"request header fields too large"), headers.body());
        HttpResponse<String> uri = get("/api/models/" + big);
        assertEquals(414, uri.statusCode());
        assertTrue(uri.body().startsWith("{\"error\":\"http_414\""), uri.body());
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/index.html"))
                .header("X-Big", big).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, page.statusCode());
        assertTrue(page.body().contains("<html"), "a page's error stays a page: " + page.body());
    }

    /**
     * A body trickling in (a slow-loris client: a byte now and then) is cut off with a JSON 408 instead of holding a
     * server thread for as long as the client likes; the server answers others meanwhile.
     */
    @Test
    void aBodyThatTricklesInIsCutOff() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(500);
            socket.getOutputStream().write(("POST /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            // One byte every half second, for at most 30 s: the server must give up on the body long before.
            for (int i = 0; i < 60 && answer.indexOf("\r\n\r\n{") < 0; i++) {
                assertEquals(200, get("/api/health").statusCode(), "others are served meanwhile");
                socket.getOutputStream().write(' ');
                try {
                    int read;
                    byte[] buffer = new byte[4096];
                    while ((read = socket.getInputStream().read(buffer)) > 0) {
                        answer.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // nothing yet: trickle on
                }
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 408"), answer.toString());
            assertTrue(answer.toString().contains("{\"error\":\"http_408\",\"message\":\"the request body came too slowly"),
                    answer.toString());
        }
    }

    @Test
    void commandLineFlagsOverrideTheEnvironment() {
        ServerSettings settings = Main.parse(new String[] {"--port", "8080", "--data", "/tmp/x"},
                Map.of("NN_PLAYGROUND_PORT", "9000", "NN_PLAYGROUND_HOST", "127.0.0.1"));
        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(Path.of("/tmp/x"), settings.dataDir());
        assertEquals(9000, Main.parse(new String[0], Map.of("NN_PLAYGROUND_PORT", "9000")).port());
    }

    @Test
    void runLimitsAreConfigurable() throws Exception {
        Javalin strict = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-limits"))
                .withLimits(new TrainingLimits(50, 1000, 100))).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = ApiClient.send(strict, "POST", "/api/train",
                    org.nnplayground.run.Scenarios.json("regression"));
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("limit exceeded: points 100"), response.body());
        } finally {
            strict.stop();
        }
        assertEquals(123, Main.parse(new String[] {"--max-steps", "123"}, Map.of()).limits().maxSteps());
        assertEquals(77, Main.parse(new String[0], Map.of("NN_PLAYGROUND_MAX_POINTS", "77")).limits().maxPoints());
    }

    /**
     * Memory per run is bounded by points × widths × optimizers: a configuration within the other limits
     * (20,000 points, ~197k parameters) but holding 20 million values a pass is refused before it allocates.
     */
    @Test
    void aRunHoldingTooManyValuesAPassIsRefusedBeforeItStarts() throws Exception {
        String wide = org.nnplayground.run.Scenarios.json("classification").replace("\"n\":200", "\"n\":20000")
                .replace("{\"units\":10,\"activation\":\"ReLU\"}", "{\"units\":440,\"activation\":\"ReLU\"},"
                        + "{\"units\":440,\"activation\":\"ReLU\"},{\"units\":5,\"activation\":\"ReLU\"}");
        org.nnplayground.run.RunConfig config = org.nnplayground.run.RunConfigJson.parse(wide);
        assertTrue(TrainingLimits.parameters(config) < 200_000, "within the parameter limit: " + TrainingLimits.parameters(config));
        assertEquals(20_000L * (440 + 440 + 5 + 2), TrainingLimits.activations(config));
        HttpResponse<String> response = post("/api/train", wide);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("limit exceeded: activations (points × layer widths × optimizers) 17740000 is more than "
                + "this server allows (10000000)"), response.body());
        assertEquals(400, post("/api/jobs", wide).statusCode(), "jobs have the same limit");
        assertEquals(5, Main.parse(new String[] {"--max-activations", "5"}, Map.of()).limits().maxActivations());
    }

    @Test
    void badFlagsAreRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--colour", "red"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}, Map.of()));
    }
}
