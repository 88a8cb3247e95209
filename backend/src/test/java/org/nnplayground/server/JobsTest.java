package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.run.Scenarios;

/** Long runs as jobs: progress by server-sent events, cancellation, the concurrency and time limits. */
class JobsTest {
    private static final String LONG_RUN = Scenarios.json("regression").replace("\"steps\":200", "\"steps\":20000");
    private Javalin app;

    private void start(int maxJobs, int timeLimitSeconds) throws Exception {
        app = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-jobs"))
                .withJobs(maxJobs, timeLimitSeconds)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return ApiClient.send(app, method, path, body);
    }

    @SuppressWarnings("unchecked")
    private String submit(String config) throws Exception {
        HttpResponse<String> response = send("POST", "/api/jobs", config);
        assertEquals(202, response.statusCode(), response.body());
        return (String) ((Map<String, Object>) Json.parse(response.body())).get("id");
    }

    private List<String[]> events(String id) throws Exception {
        return ApiClient.events(app, id);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aJobStreamsProgressAndEndsWithTheResult() throws Exception {
        start(2, 60);
        String id = submit(Scenarios.json("optimizer-race"));
        List<String[]> events = events(id);
        String[] last = events.get(events.size() - 1);
        assertEquals("done", last[0]);
        Map<String, Object> result = (Map<String, Object>) Json.parse(last[1]);
        assertEquals(384.0, result.get("steps"));
        assertEquals(4, ((List<Object>) result.get("optimizers")).size());
        HttpResponse<String> status = send("GET", "/api/jobs/" + id, null);
        assertTrue(status.body().contains("\"status\":\"done\""), status.body());
    }

    @Test
    void aCancelledJobStopsAndSaysSo() throws Exception {
        start(2, 60);
        String id = submit(LONG_RUN);
        HttpResponse<String> cancel = send("DELETE", "/api/jobs/" + id, null);
        assertEquals(200, cancel.statusCode());
        List<String[]> events = events(id);
        assertEquals("cancelled", events.get(events.size() - 1)[0]);
    }

    @Test
    void jobsBeyondTheMaximumGet429() throws Exception {
        start(1, 60);
        String first = submit(LONG_RUN);
        HttpResponse<String> second = send("POST", "/api/jobs", LONG_RUN);
        assertEquals(429, second.statusCode());
        assertTrue(second.body().contains("too_many_jobs"), second.body());
        send("DELETE", "/api/jobs/" + first, null);
    }

    @Test
    void aJobPastItsTimeLimitIsStopped() throws Exception {
        start(1, 1);
        String id = submit(Scenarios.json("classification").replace("\"steps\":100", "\"steps\":20000")
                .replace("\"n\":200", "\"n\":20000").replace("{\"units\":10,\"activation\":\"ReLU\"}",
                        "{\"units\":200,\"activation\":\"ReLU\"},{\"units\":200,\"activation\":\"ReLU\"}"));
        List<String[]> events = events(id);
        String[] last = events.get(events.size() - 1);
        assertEquals("failed", last[0]);
        assertTrue(last[1].contains("time limit"), last[1]);
    }

    /** /api/train, which trains within the request, stops at the same time limit as a job and says so (422). */
    @Test
    void aRunInOneRequestStopsAtTheTimeLimit() throws Exception {
        start(1, 1);
        HttpResponse<String> response = send("POST", "/api/train", Scenarios.json("classification")
                .replace("\"steps\":100", "\"steps\":20000").replace("\"n\":200", "\"n\":20000")
                .replace("{\"units\":10,\"activation\":\"ReLU\"}", "{\"units\":256,\"activation\":\"ReLU\"}"));
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"error\":\"time_limit\",\"message\":\"the run passed the time limit of 1 s"),
                response.body());
        assertEquals(200, send("POST", "/api/train", Scenarios.json("regression")).statusCode(), "a short run still trains");
    }

    @Test
    void unknownJobsAre404() throws Exception {
        start(1, 60);
        HttpResponse<String> response = send("GET", "/api/jobs/nope", null);
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("not_found"));
        assertEquals(404, send("DELETE", "/api/jobs/nope", null).statusCode());
    }

    /**
     * A configuration that fails as its run starts (here a test split that leaves no test point) is refused like
     * /api/train refuses it, before it is queued: it used to answer 202, die on its thread and hold its slot
     * forever, so two of them disabled the queue.
     */
    @Test
    void aConfigThatCannotStartIsRefusedBeforeItTakesASlot() throws Exception {
        start(1, 60);
        String broken = "{\"dataset\":{\"name\":\"parabola\",\"n\":2},\"layers\":[{\"units\":4}],"
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"steps\":5,\"testFraction\":0.1}";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = send("POST", "/api/jobs", broken);
            assertEquals(400, response.statusCode(), response.body());
            assertEquals(send("POST", "/api/train", broken).body(), response.body(), "the same answer as /api/train");
        }
        List<String[]> events = events(submit(Scenarios.json("regression")));
        assertEquals("done", events.get(events.size() - 1)[0]);
    }

    /** Each way a job can end — done, diverged, an exception, out of memory, cancelled — ends it with its event and frees its slot. */
    @Test
    void everyWayAJobEndsFreesItsSlotAndSaysSo() throws Exception {
        TrainingService training = new TrainingService(TrainingLimits.DEFAULTS);
        try (JobService jobs = new JobService(1, 60_000)) {
            Map<String, Job.Stepper> ends = new java.util.LinkedHashMap<>();
            ends.put("done", org.nnplayground.run.TrainingRun::step);
            ends.put("an exception", (run) -> {
                if (run.stepCount() == 3) {
                    throw new IllegalStateException("a bug in step 4");
                }
                return run.step();
            });
            ends.put("out of memory", (run) -> {
                if (run.stepCount() == 3) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return run.step();
            });
            Map<String, String> expected = Map.of("done", "done", "an exception", "failed: training stopped at step 3: a bug in step 4",
                    "out of memory", "failed: the server ran out of memory for this run; try fewer points or a smaller network");
            for (Map.Entry<String, Job.Stepper> end : ends.entrySet()) {
                Job job = jobs.submit(training.prepare(Scenarios.json("regression")), end.getValue());
                Job.JobEvent last = awaitEnd(job);
                String told = last.name() + (last.data() instanceof Job.Failure failure ? ": " + failure.message() : "");
                assertEquals(expected.get(end.getKey()), told, end.getKey());
            }
            // Diverged: a learning rate far too large.
            Job diverged = jobs.submit(training.prepare(Scenarios.json("regression").replaceFirst("\"lr\":[0-9.]+", "\"lr\":90")));
            Job.JobEvent last = awaitEnd(diverged);
            assertEquals("failed", last.name());
            assertTrue(((Job.Failure) last.data()).message().startsWith("loss became"), last.data().toString());
            // Cancelled while running.
            Job cancelled = jobs.submit(training.prepare(LONG_RUN));
            cancelled.cancel();
            assertEquals("cancelled", awaitEnd(cancelled).name());
            // After all of them, the one slot is free.
            assertEquals("done", awaitEnd(jobs.submit(training.prepare(Scenarios.json("regression")))).name());
        }
    }

    /**
     * A finished job keeps a small result — at most 1,000 points of each loss history, every k-th update's — for a
     * stated time, then it is gone (it used to keep everything forever: ~28 MB a job at the limits).
     */
    @SuppressWarnings("unchecked")
    @Test
    void aFinishedJobKeepsASmallResultForAStatedTime() throws Exception {
        TrainingService training = new TrainingService(TrainingLimits.DEFAULTS);
        String config = Scenarios.json("regression").replace("\"steps\":200", "\"steps\":4500");
        try (JobService jobs = new JobService(1, 60_000)) {
            Job job = jobs.submit(training.prepare(config));
            Job.Done done = (Job.Done) awaitEnd(job).data();
            assertEquals(900, done.keptForSeconds());
            assertEquals(5, done.result().historyEvery());
            List<Object> history = done.result().optimizers().get(0).history();
            assertEquals(900, history.size());
            org.nnplayground.run.TrainingRun same = training.prepare(config);
            while (same.step()) {
                // the same run, every loss kept
            }
            for (int j : new int[] {0, 1, 450, 899}) {
                assertEquals(same.lossHistory(0)[j * 5], (Double) history.get(j), "point " + j + " is update " + (j * 5 + 1));
            }
            assertEquals(job, jobs.get(job.id), "still there within its time");
        }
        try (JobService forgetful = new JobService(1, 60_000, 0)) {
            Job job = forgetful.submit(training.prepare(Scenarios.json("regression")));
            awaitEnd(job);
            ApiException gone = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> forgetful.get(job.id));
            assertEquals(404, gone.status);
            assertTrue(gone.getMessage().endsWith("(a finished job is kept 0 s)"), gone.getMessage());
        }
    }

    /** The job's final event, as a listener of its stream receives it. */
    private static Job.JobEvent awaitEnd(Job job) throws InterruptedException {
        java.util.concurrent.BlockingQueue<Job.JobEvent> ends = new java.util.concurrent.LinkedBlockingQueue<>();
        job.subscribe(event -> {
            if (!event.name().equals("progress") && !event.name().equals("status")) {
                ends.add(event);
            }
        });
        Job.JobEvent end = ends.poll(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(end != null, "the job ended within a minute");
        assertTrue(job.isOver());
        return end;
    }
}
