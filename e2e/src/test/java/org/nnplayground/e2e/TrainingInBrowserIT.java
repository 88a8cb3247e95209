package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.Scenarios;
import org.nnplayground.run.TrainingRun;

/**
 * The browser engine trains every course scenario in a Web Worker, with WebAssembly and with JavaScript,
 * and ends with exactly the loss history and weights the JVM computes in this same test run. It learns
 * what the course learns, keeps the page responsive, and reports divergence.
 */
class TrainingInBrowserIT {
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

    /** The JVM's result for the same configuration, in the worker's JSON form. */
    private static List<Object> jvmStates(String configJson) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(configJson));
        while (run.step()) {
            // to the end
        }
        List<Object> states = new java.util.ArrayList<>();
        for (int k = 0; k < run.optimizerCount(); k++) {
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("history", run.lossHistory(k));
            List<Object> weights = new java.util.ArrayList<>();
            for (org.nnplayground.tensor.Tensor p : run.network(k).parameters()) {
                weights.add(p.storage());
            }
            state.put("parameters", weights);
            states.add(state);
        }
        return states;
    }

    @SuppressWarnings("unchecked")
    private static void assertBitIdentical(String what, List<Object> jvm, Object browser) {
        // Both sides as JSON text: doubles written in shortest round-trip form, so equal text = equal bits.
        assertEquals(JsonWriter.write(Json.parse(JsonWriter.write(jvm))), JsonWriter.write(Json.parse(
                JsonWriter.write(browser))), what);
    }

    @SuppressWarnings("unchecked")
    private static double metric(Map<String, Object> result, int optimizer, int index) {
        return ((Number) ((List<Object>) ((List<Object>) result.get("metrics")).get(optimizer)).get(index)).doubleValue();
    }

    @Test
    void everyScenarioMatchesTheJvmBitForBitInBothEngines() {
        for (String scenario : List.of("regression", "classification", "save-load", "optimizer-race")) {
            String config = Scenarios.json(scenario);
            List<Object> jvm = jvmStates(config);
            for (String engine : List.of("wasm", "js")) {
                Map<String, Object> result = BrowserTraining.trainToEnd(page, engine, config);
                assertEquals(engine, result.get("engine"));
                assertEquals("done", result.get("end"), scenario + " on " + engine + ": " + result.get("error"));
                assertBitIdentical(scenario + " on " + engine, jvm, result.get("states"));
                int steps = RunConfigJson.parse(config).steps();
                assertEquals(steps, ((Number) result.get("received")).intValue(), "each loss reported exactly once");
                learned(scenario, result);
            }
        }
    }

    /** The course's figures (seed-outcomes.md): regression loss below PyTorch's worst seed, 95 % accuracy, the race's order. */
    private static void learned(String scenario, Map<String, Object> result) {
        switch (scenario) {
            case "regression":
                assertTrue(metric(result, 0, 0) < 0.0122, "regression loss " + metric(result, 0, 0));
                break;
            case "classification":
                assertTrue(metric(result, 0, 1) >= 0.95, "accuracy " + metric(result, 0, 1));
                break;
            case "optimizer-race":
                for (int k = 1; k < 4; k++) {
                    assertTrue(metric(result, k, 0) < metric(result, 0, 0), "optimizer " + k + " beats SGD");
                }
                assertTrue(metric(result, 3, 0) < 0.0132, "Adam's MSE " + metric(result, 3, 0));
                break;
            default:
                assertTrue(metric(result, 0, 0) < 0.1, scenario + " loss " + metric(result, 0, 0));
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theServerTrainsToTheSameNumbersAsTheBrowser() {
        String config = Scenarios.json("optimizer-race");
        Map<String, Object> browser = BrowserTraining.trainToEnd(page, "wasm", config);
        Map<String, Object> server = (Map<String, Object>) page.evaluate("async (configText) => {"
                + "  const response = await fetch('/api/train', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: configText });"
                + "  return await response.json(); }", config);
        List<Object> serverOptimizers = (List<Object>) server.get("optimizers");
        List<Object> browserStates = (List<Object>) browser.get("states");
        for (int k = 0; k < 4; k++) {
            Object serverHistory = ((Map<String, Object>) serverOptimizers.get(k)).get("history");
            Object browserHistory = ((Map<String, Object>) browserStates.get(k)).get("history");
            assertEquals(JsonWriter.write(Json.parse(JsonWriter.write(serverHistory))),
                    JsonWriter.write(Json.parse(JsonWriter.write(browserHistory))), "optimizer " + k);
        }
    }

    @Test
    void aDivergingRunStopsWithAnErrorNamingTheStep() {
        String config = Scenarios.json("regression").replace("\"lr\":0.2", "\"lr\":1000");
        for (String engine : List.of("wasm", "js")) {
            Map<String, Object> result = BrowserTraining.trainToEnd(page, engine, config);
            assertEquals("error", result.get("end"), engine);
            assertTrue(String.valueOf(result.get("error")).matches("loss became (NaN|infinite) at step \\d+.*"),
                    String.valueOf(result.get("error")));
        }
    }

    @Test
    void anInvalidConfigurationIsRefusedWithItsMessage() {
        Object message = page.evaluate("async () => {"
                + "  const { createEngine } = await import('/engine/nn-engine.js');"
                + "  const engine = createEngine();"
                + "  try { await engine.init({ dataset: { name: 'parabola' }, layers: [], optimizers: [{ name: 'SGD', lr: -1 }], steps: 5 });"
                + "        return 'accepted'; } catch (e) { return e.message; } finally { engine.terminate(); }"
                + "}");
        assertEquals("optimizers[0]: Invalid learning rate: -1.0", message);
    }

    /** Frames per second and long tasks are measured by bench/pages.html (see BENCHMARKS.md), not asserted here. */
    @Test
    void theWorkerReportsProgressWhileALongRunTrains() {
        String longRun = "{\"dataset\":{\"name\":\"clusters\",\"n\":2000,\"noise\":1,\"seed\":4},"
                + "\"layers\":[{\"units\":128,\"activation\":\"ReLU\"},{\"units\":128,\"activation\":\"ReLU\"}],"
                + "\"loss\":\"CrossEntropyLoss\",\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"batchSize\":0,\"steps\":100000}";
        Object steps = page.evaluate("async (configText) => {"
                + "  const { createEngine } = await import('/engine/nn-engine.js');"
                + "  const engine = createEngine();"
                + "  await engine.init(JSON.parse(configText));"
                + "  const reports = [];"
                + "  const three = new Promise((resolve) => engine.on('progress', (m) => { reports.push(m.step);"
                + "    if (reports.length === 3) resolve(); }));"
                + "  engine.run();"
                + "  await three;"
                + "  engine.terminate();"
                + "  return reports;"
                + "}", longRun);
        java.util.List<?> reports = (java.util.List<?>) steps;
        assertEquals(3, reports.size());
        assertTrue(((Number) reports.get(2)).intValue() > ((Number) reports.get(0)).intValue(), "the run moves on: " + reports);
        assertTrue(((Number) reports.get(2)).intValue() < 100000, "and is still running: " + reports);
    }
}
