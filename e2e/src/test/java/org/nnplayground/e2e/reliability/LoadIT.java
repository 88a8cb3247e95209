package org.nnplayground.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;

/**
 * A bounded load: 32 clients for 20 s mixing pages, health checks, catalog reads, trainings, jobs and saves,
 * while 100 connections trickle request bodies a byte at a time. Nothing may answer 5xx or hang; every job
 * the server accepted (202) must reach its end; the health check keeps answering. Its p50/p99 latency, the
 * 429s (jobs past --max-jobs, saves past the write rate) and the slow bodies' fate are recorded as figures.
 */
class LoadIT {
    private static final int CLIENTS = 32;
    private static final int SLOW_BODIES = 100;
    private static final long LOAD_MILLIS = 20_000;

    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> acceptedJobs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private static HttpResponse<String> send(Javalin app, String method, String path, String type, String body) throws Exception {
        return ReliabilityHttp.send(app.port(), method, path, type, body);
    }

    private void count(String what, HttpResponse<String> response) {
        statuses.computeIfAbsent(what + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() >= 500) {
            problems.add(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** One client's loop: a random mix of what visitors and scripts do. */
    private void client(Javalin app, long until, int seed) {
        Random random = new Random(seed);
        String model = "{\"name\":\"load\",\"checkpoint\":" + BadRequests.CHECKPOINT + "}";
        while (System.currentTimeMillis() < until) {
            try {
                int pick = random.nextInt(10);
                if (pick < 3) {
                    count("page", send(app, "GET", "/index.html", null, null));
                } else if (pick < 5) {
                    count("catalog", send(app, "GET", "/api/catalog", null, null));
                } else if (pick < 7) {
                    count("train", send(app, "POST", "/api/train", "application/json", BadRequests.CONFIG));
                } else if (pick < 8) {
                    HttpResponse<String> job = send(app, "POST", "/api/jobs", "application/json", BadRequests.CONFIG);
                    count("job", job);
                    if (job.statusCode() == 202) {
                        acceptedJobs.add((String) ((Map<?, ?>) Json.parse(job.body())).get("id"));
                    }
                } else {
                    count("save", send(app, "POST", "/api/models", "application/json", model));
                }
            } catch (Exception e) {
                problems.add("a request failed: " + e);
            }
        }
    }

    /** A connection that sends headers and then a byte of its body every 2 s: a slow-loris client. */
    private static Socket slowBody(Javalin app) throws Exception {
        Socket socket = new Socket("127.0.0.1", app.port());
        socket.getOutputStream().write(("POST /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    @Test
    void underLoadNothingFailsNoAcceptedJobIsLostAndHealthKeepsAnswering() throws Exception {
        Javalin app = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-load"))).start("127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        List<Socket> slow = new ArrayList<>();
        try {
            List<Long> idle = new ArrayList<>(); // the baseline: the same health check on the idle server, same process
            for (int i = 0; i < 20; i++) {
                send(app, "GET", "/api/health", null, null); // warm-up: connections, JIT
            }
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                send(app, "GET", "/api/health", null, null);
                idle.add((System.nanoTime() - start) / 1_000);
                sleep(20);
            }
            Collections.sort(idle);
            for (int i = 0; i < SLOW_BODIES; i++) {
                slow.add(slowBody(app));
            }
            long until = System.currentTimeMillis() + LOAD_MILLIS;
            for (int c = 0; c < CLIENTS; c++) {
                int seed = c;
                pool.execute(() -> client(app, until, seed));
            }
            int[] slowAlive = {0};
            pool.execute(() -> { // trickle: one more byte on each slow body every 2 s, counting those the server still holds
                while (System.currentTimeMillis() < until) {
                    int alive = 0;
                    for (Socket socket : slow) {
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write(' ');
                            out.flush();
                            alive++;
                        } catch (Exception closed) {
                            // the server cut it off: as it should
                        }
                    }
                    slowAlive[0] = alive;
                    sleep(2000);
                }
            });
            List<Long> health = new ArrayList<>();
            while (System.currentTimeMillis() < until) {
                long start = System.nanoTime();
                HttpResponse<String> response = send(app, "GET", "/api/health", null, null);
                health.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(200, response.statusCode());
                sleep(100);
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the clients finished");

            // Every accepted job reaches its end.
            long deadline = System.currentTimeMillis() + 120_000;
            List<String> unfinished = new ArrayList<>(acceptedJobs);
            while (!unfinished.isEmpty() && System.currentTimeMillis() < deadline) {
                unfinished.removeIf(id -> {
                    try {
                        return send(app, "GET", "/api/jobs/" + id, null, null).body().contains("\"status\":\"done\"");
                    } catch (Exception e) {
                        return false;
                    }
                });
                sleep(200);
            }
            Collections.sort(health);
            long p50 = health.get(health.size() / 2);
            long p99 = health.get((int) Math.ceil(health.size() * 0.99) - 1);
            Figures.record("load: " + CLIENTS + " clients for " + LOAD_MILLIS / 1000 + " s with " + SLOW_BODIES + " slow bodies; "
                    + "answers " + new java.util.TreeMap<>(statuses) + "; health p50 " + p50 + " ms, p99 " + p99 + " ms, max "
                    + health.get(health.size() - 1) + " ms over " + health.size() + " checks (idle baseline: p50 "
                    + String.format(java.util.Locale.ROOT, "%.1f", idle.get(idle.size() / 2) / 1000.0) + " ms, p99 "
                    + String.format(java.util.Locale.ROOT, "%.1f", idle.get(idle.size() - 1) / 1000.0) + " ms); " + acceptedJobs.size()
                    + " jobs accepted, " + (acceptedJobs.size() - unfinished.size()) + " done; slow bodies still held at the end: "
                    + slowAlive[0] + " of " + SLOW_BODIES);
            assertEquals(List.of(), problems);
            assertEquals(List.of(), unfinished, "every accepted job finished");
            assertTrue(acceptedJobs.size() > 0 && statuses.keySet().stream().anyMatch(k -> k.startsWith("train 200")), statuses.toString());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            pool.shutdownNow();
            app.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
