package org.nnplayground.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.run.Scenarios;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;

/**
 * Memory after many jobs stays within a fixed bound: a finished job keeps only a small result (its loss history
 * thinned to 1,000 points) for a bounded time and number, so 200 optimizer races on 20,000 points leave the heap, after garbage
 * collection, within 24 MB of where it was after the first 20.
 */
class MemoryIT {
    /** A run kept by mistake holds about half a megabyte here: 100 kept finished jobs would pass this bound twice over. */
    private static final long BOUND_BYTES = 24L << 20;

    private static HttpResponse<String> send(Javalin app, String method, String path, String body) throws Exception {
        return ReliabilityHttp.send(app.port(), method, path, body == null ? null : "application/json", body);
    }

    /** Runs {@code count} jobs, two at a time (the server's maximum), each to its end. */
    private static void runJobs(Javalin app, int count) throws Exception {
        // The race on 20,000 points (the most a run may have), one epoch: a run that stayed in memory would hold megabytes.
        String race = Scenarios.json("optimizer-race").replace("\"n\":1000", "\"n\":20000").replace("\"epochs\":12", "\"epochs\":1");
        for (int i = 0; i < count; i += 2) {
            String[] ids = new String[2];
            for (int k = 0; k < 2; k++) {
                HttpResponse<String> accepted = send(app, "POST", "/api/jobs", race);
                assertEquals(202, accepted.statusCode(), accepted.body());
                ids[k] = (String) ((Map<?, ?>) Json.parse(accepted.body())).get("id");
            }
            for (String id : ids) {
                while (!send(app, "GET", "/api/jobs/" + id, null).body().contains("\"status\":\"done\"")) {
                    Thread.sleep(20);
                }
            }
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoHundredJobsLeaveTheHeapWithinAFixedBound() throws Exception {
        Javalin app = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-memory"))).start("127.0.0.1", 0);
        try {
            runJobs(app, 20);
            long baseline = heapAfterGc();
            long start = System.currentTimeMillis();
            runJobs(app, 200);
            long after = heapAfterGc();
            Figures.record("memory: heap after GC " + baseline / (1 << 20) + " MB after 20 optimizer-race jobs, " + after / (1 << 20)
                    + " MB after 200 more (" + (System.currentTimeMillis() - start) / 1000 + " s); growth "
                    + (after - baseline) / 1024 + " KB, bound " + BOUND_BYTES / (1 << 20) + " MB");
            assertTrue(after - baseline < BOUND_BYTES, "heap grew by " + (after - baseline) / (1 << 20) + " MB");
        } finally {
            app.stop();
        }
    }
}
