package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.catalog.Chapters;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.Scenarios;

/**
 * A run over several workers computes the same bits as one worker, in both builds: the optimizer race with its
 * lanes spread over workers, and a large full-batch update with its rows spread over them. Every loss the page
 * is sent, every lane's loss history and weights, checkpoints and metrics, whether stepped by hand or played
 * through the worker's own training loop.
 */
class RaceWorkersIT {
    private static BrowserSession session;
    private static Page page;

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
        page = session.open("/");
    }

    @AfterAll
    static void stop() {
        page.close();
        assertTrue(session.consoleErrors.isEmpty(), "console errors: " + session.consoleErrors);
        session.close();
    }

    /**
     * A run on `workers` workers: stepped by hand, then played to its end; everything it answered. With
     * `changeFirst`, it gets new initial weights and a learning rate before its first update (a split is taken
     * at the first update, so its helpers must be told).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> race(String engine, int workers, String config, boolean changeFirst) {
        return (Map<String, Object>) page.evaluate("async ([kind, workers, configText, changeFirst]) => {"
                + "  const { createEngine } = await import('/engine/nn-engine.js');"
                + "  const engine = createEngine({ engine: kind, workers });"
                + "  const sent = [];"
                + "  let done = null;"
                + "  const next = (type) => new Promise((resolve) => engine.on(type, resolve));"
                + "  engine.on('progress', (m) => sent.push(JSON.stringify([m.step, m.losses, m.metrics ?? null])));"
                + "  engine.on('done', (m) => { done = m; });"
                + "  const ready = await engine.init(JSON.parse(configText));"
                + "  const out = { engine: ready.engine, workers: ready.workers, split: ready.split };"
                + "  if (changeFirst) { await engine.reinit(7); engine.set('lr', 0.02); }"
                + "  for (const n of [1, 7, 50]) { engine.step(n); await next('progress'); }"
                + "  const finished = next('done'); engine.run(); await finished;"
                + "  out.done = JSON.stringify([done.step, done.metrics]);"
                + "  out.losses = sent.flatMap((m) => JSON.parse(m)[1]).length;"
                + "  out.lossStream = JSON.stringify(sent.map((m) => JSON.parse(m)[1]).reduce("
                + "    (lanes, losses) => lanes.map((lane, k) => lane.concat(losses[k])), ready.info.optimizers.map(() => [])));"
                + "  out.states = []; out.checkpoints = [];"
                + "  for (let k = 0; k < ready.info.optimizers.length; k++) {"
                + "    out.states.push(JSON.stringify((await engine.state(k)).state));"
                + "    out.checkpoints.push((await engine.export(k)).checkpoint);"
                + "  }"
                + "  out.evaluation = JSON.stringify(await engine.evaluate());"
                + "  engine.terminate();"
                + "  return out;"
                + "}", List.of(engine, workers, config, changeFirst));
    }

    @Test
    void aRaceOverSeveralWorkersGivesTheBitsOfOneWorker() {
        assertSplitGivesTheBitsOfOneWorker(Scenarios.json("optimizer-race"), "lanes", new int[] {2, 4}, false);
    }

    /** New initial weights and a learning rate set before the first update reach the helpers too. */
    @Test
    void aRaceChangedBeforeItsFirstUpdateSplitsWithTheChanges() {
        assertSplitGivesTheBitsOfOneWorker(Scenarios.json("optimizer-race"), "lanes", new int[] {2}, true);
    }

    /** A full batch of 1,800 rows through a 2-64-64-2 network: each update's rows over 2 or 4 workers. */
    @Test
    void aLargeFullBatchUpdateOverSeveralWorkersGivesTheBitsOfOneWorker() {
        Map<String, Object> run = Chapters.preset("playground");
        run.put("dataset", Map.of("name", "spiral", "n", 2000, "noise", 0.1));
        run.put("layers", List.of(Map.of("units", 64, "activation", "ReLU"), Map.of("units", 64, "activation", "Tanh")));
        run.put("batchSize", 0);
        run.put("steps", 80); // past the 58 updates stepped by hand, so that play ends the plan
        run.put("testFraction", 0.1);
        run.put("l1", 1e-4);
        assertSplitGivesTheBitsOfOneWorker(JsonWriter.write(run), "rows", new int[] {2, 4}, false);
    }

    private static void assertSplitGivesTheBitsOfOneWorker(String config, String splitKind, int[] workerCounts,
            boolean changeFirst) {
        for (String engine : List.of("wasm", "js")) {
            Map<String, Object> alone = race(engine, 1, config, changeFirst);
            assertEquals(engine, alone.get("engine"));
            assertEquals(1, ((Number) alone.get("workers")).intValue());
            for (int workers : workerCounts) {
                Map<String, Object> split = race(engine, workers, config, changeFirst);
                String label = engine + " on " + workers + " workers";
                assertEquals(workers, ((Number) split.get("workers")).intValue(), label + ": helpers started");
                assertEquals(splitKind, split.get("split"), label);
                assertEquals(alone.get("lossStream"), split.get("lossStream"), label + ": every loss sent to the page");
                assertEquals(alone.get("done"), split.get("done"), label + ": where it ended, with its metrics");
                assertEquals(alone.get("states"), split.get("states"), label + ": each lane's history and weights");
                assertEquals(alone.get("checkpoints"), split.get("checkpoints"), label + ": each lane's checkpoint");
                assertEquals(alone.get("evaluation"), split.get("evaluation"), label);
            }
        }
    }
}
