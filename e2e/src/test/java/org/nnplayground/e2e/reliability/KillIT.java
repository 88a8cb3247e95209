package org.nnplayground.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;

/**
 * Durability: the runnable jar is killed with SIGKILL (kill -9) while clients save models, round after round, and
 * restarted on the same data folder. Every save it acknowledged (201) must be there afterwards, whole, and
 * SQLite's integrity check must pass.
 */
class KillIT {
    private static final Path JAR = Paths.get(System.getProperty("server.jar", "../backend/target/nn-playground.jar"));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int ROUNDS = 10;
    private static final int WRITERS = 4;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process start(Path data, int port) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-jar", JAR.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--data", data.toString(), "--writes-per-minute", "1000000").redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(port, "/api/health").statusCode() == 200) {
                    return server;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.destroyForcibly();
        throw new IllegalStateException("the server did not start; see " + data + ".log");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nothingAcknowledgedIsLostAcrossKillNine() throws Exception {
        Path data = Files.createTempDirectory("nn-kill").resolve("data");
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> name
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(9);
        int port = freePort();
        long attempts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process server = start(data, port);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            long[] tried = new long[WRITERS];
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                int r = round;
                writers.execute(() -> {
                    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                        String name = "r" + r + "-w" + writer + "-" + i;
                        try {
                            tried[writer]++;
                            HttpResponse<String> saved = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/api/models")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"checkpoint\":"
                                            + BadRequests.CHECKPOINT + "}")).build(), HttpResponse.BodyHandlers.ofString());
                            if (saved.statusCode() == 201) {
                                acknowledged.put((String) ((Map<?, ?>) Json.parse(saved.body())).get("id"), name);
                            } else {
                                problems.add(name + ": " + saved.statusCode() + " " + saved.body());
                            }
                        } catch (java.io.IOException killed) {
                            return; // the server is gone mid-request: not acknowledged, nothing promised
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(500 + random.nextInt(1000));
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            server.waitFor(10, TimeUnit.SECONDS);
            writers.shutdownNow();
            writers.awaitTermination(20, TimeUnit.SECONDS);
            for (long t : tried) {
                attempts += t;
            }
        }
        Process server = start(data, port);
        try {
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> saved : acknowledged.entrySet()) {
                HttpResponse<String> read = get(port, "/api/models/" + saved.getKey());
                if (read.statusCode() != 200 || !read.body().contains("\"hidden.weight\"")) {
                    lost.add(saved.getValue() + " (" + read.statusCode() + ")");
                }
            }
            String integrity;
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("models.db"));
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                integrity = rs.getString(1);
            }
            Figures.record("kill -9: " + ROUNDS + " rounds of " + WRITERS + " writers killed mid-write, " + attempts + " saves tried, "
                    + acknowledged.size() + " acknowledged, " + lost.size() + " lost; PRAGMA integrity_check: " + integrity);
            assertEquals(List.of(), problems);
            assertEquals(List.of(), lost, "every acknowledged save survived");
            assertEquals("ok", integrity);
            assertTrue(acknowledged.size() > ROUNDS, "saves were acknowledged: " + acknowledged.size());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
