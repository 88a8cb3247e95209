package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.nn.Module;
import org.nnplayground.run.Scenarios;
import org.nnplayground.tensor.Tensor;

/** Every message of the engine's protocol, through its JavaScript API, in both builds. */
class EngineProtocolIT {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exercise(String engine) {
        return (Map<String, Object>) page.evaluate("async ([kind, configText]) => {"
                + "  const { createEngine } = await import('/engine/nn-engine.js');"
                + "  const engine = createEngine({ engine: kind });"
                + "  const out = {};"
                + "  const losses = [];"
                + "  let last = null;"
                + "  const next = () => new Promise((resolve) => { const once = (m) => { last = m; resolve(m); };"
                + "    engine.on('progress', once); });"
                + "  engine.on('progress', (m) => { last = m; for (const v of m.losses[0]) losses.push(v); });"
                + "  const ready = await engine.init(JSON.parse(configText));"
                + "  out.engine = ready.engine; out.total = ready.info.steps;"
                + "  engine.step(5); await next(); out.afterStep = last.step;"
                + "  const firstFive = losses.slice(0, 5);"
                + "  engine.run(); await new Promise((r) => setTimeout(r, 150)); engine.pause();"
                + "  await new Promise((r) => setTimeout(r, 150)); const paused = last.step;"
                + "  await new Promise((r) => setTimeout(r, 200)); out.pauseHeld = last.step === paused && paused > 5;"
                + "  engine.reset(); await next(); out.afterReset = last.step;"
                + "  losses.length = 0; engine.step(5); await next(); out.replayed = JSON.stringify(losses.slice(0, 5)) === JSON.stringify(firstFive);"
                + "  engine.set('lr', 0.05); engine.step(1); await next();"
                + "  const prediction = await engine.predict([[0.5], [-0.5], [0]]); out.predictions = prediction.values;"
                + "  const grid = await engine.grid([-1, 1, -1, 1], 25); out.gridValues = grid.values;"
                + "  try { await engine.grid([-1, 1, -1, 1], 1); } catch (e) { out.badGrid = e.message; }"
                + "  out.checkpoint = (await engine.export()).checkpoint;"
                + "  const before = firstFive[0];"
                + "  const again = await engine.reinit(12345); losses.length = 0; engine.step(1); await next();"
                + "  out.reinitChanged = losses[0] !== before && again.type === 'ready';"
                + "  let badSet = null; engine.on('error', (m) => { badSet = m.message; });"
                + "  engine.set('lr', -1); await new Promise((r) => setTimeout(r, 100)); out.badSet = badSet;"
                + "  engine.terminate();"
                + "  return out;"
                + "}", List.of(engine, Scenarios.json("regression")));
    }

    @Test
    void bothBuildsGiveTheServersCatalog() {
        String served = (String) page.evaluate("async () => JSON.stringify(await (await fetch('/api/catalog')).json())");
        for (String engine : List.of("wasm", "js")) {
            String fromEngine = (String) page.evaluate("async (kind) => {"
                    + "  const { createEngine } = await import('/engine/nn-engine.js');"
                    + "  const engine = createEngine({ engine: kind });"
                    + "  const { catalog } = await engine.catalog();"
                    + "  engine.terminate();"
                    + "  return JSON.stringify(catalog);"
                    + "}", engine);
            assertEquals(served, fromEngine, engine + " catalog");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void stepPauseResetReinitSetPredictGridAndExportWork() {
        for (String engine : List.of("wasm", "js")) {
            Map<String, Object> out = exercise(engine);
            assertEquals(engine, out.get("engine"));
            assertEquals(200, ((Number) out.get("total")).intValue());
            assertEquals(5, ((Number) out.get("afterStep")).intValue(), engine + " step(5)");
            assertEquals(Boolean.TRUE, out.get("pauseHeld"), engine + " pause stops training");
            assertEquals(0, ((Number) out.get("afterReset")).intValue(), engine + " reset");
            assertEquals(Boolean.TRUE, out.get("replayed"), engine + " reset replays the same losses");
            assertEquals(Boolean.TRUE, out.get("reinitChanged"), engine + " reinit draws new weights");
            assertEquals("Invalid learning rate: -1.0", out.get("badSet"), engine + " a bad live change is refused");
            assertEquals("grid resolution must be between 2 and 400, got 1", out.get("badGrid"), engine);

            // The exported checkpoint, read on the JVM, predicts exactly what the engine predicted, and its grid.
            Module model = CheckpointFile.read((String) out.get("checkpoint")).model();
            double[] expected = model.forward(Tensor.of(new double[] {0.5, -0.5, 0}, 3, 1)).toArray();
            double[] actual = numbers((List<Object>) out.get("predictions"));
            assertArrayEquals(expected, actual, engine);
            assertNotEquals(0.0, actual[0]);
            double[] gridValues = numbers((List<Object>) out.get("gridValues"));
            assertEquals(25, gridValues.length, "one value per x for 1-D regression");
            for (int i = 0; i < 25; i++) {
                double x = -1 + 2.0 * i / 24;
                assertEquals(model.forward(Tensor.of(new double[] {x}, 1, 1)).item(), gridValues[i], engine + " grid at " + x);
            }
        }
    }

    private static double[] numbers(List<Object> values) {
        return values.stream().mapToDouble((v) -> ((Number) v).doubleValue()).toArray();
    }

    /** The file and data calls, in both builds: CSV in, a three-class run, its files out and back in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> exerciseFiles(String engine) {
        return (Map<String, Object>) page.evaluate("async (kind) => {"
                + "  const { createEngine } = await import('/engine/nn-engine.js');"
                + "  const engine = createEngine({ engine: kind });"
                + "  const out = {};"
                + "  const csv = 'a,b,kind\\n0,0,x\\n0.2,0.1,x\\n3,3,y\\n3.1,2.9,y\\n0,3,z\\n0.1,3.2,z\\n';"
                + "  const data = await engine.readCsv(csv);"
                + "  out.classes = data.classes; out.inputs = data.inputs; out.targets = data.targets;"
                + "  try { await engine.readCsv('x,y\\n1,2\\n3,four\\n'); } catch (e) { out.csvError = e.message; }"
                + "  const config = { dataset: { name: 'custom', inputs: data.inputs, targets: data.targets, classes: data.classes,"
                + "      columns: data.columns },"
                + "    layers: [{ units: 6, activation: 'Tanh' }], loss: 'CrossEntropyLoss', optimizers: [{ name: 'Adam', lr: 0.05 }],"
                + "    batchSize: 0, steps: 50, initSeed: 3, shuffleSeed: 1 };"
                + "  const ready = await engine.init(config); out.classNames = ready.info.classes;"
                + "  const grid = await engine.grid([-1, 4, -1, 4], 4); out.gridClasses = grid.classes;"
                + "  out.csv = (await engine.dataCsv()).csv;"
                + "  const initial = (await engine.exportFile('initial', 'pt')).bytes;"
                + "  out.ptMagic = String.fromCharCode(initial[0], initial[1]);"
                + "  engine.step(50); await new Promise((r) => setTimeout(r, 300));"
                + "  const trained = (await engine.grid([-1, 4, -1, 4], 4)).classes;"
                + "  await engine.startFrom(initial);"
                + "  out.backToStart = JSON.stringify((await engine.grid([-1, 4, -1, 4], 4)).classes) === JSON.stringify(grid.classes);"
                + "  out.trainedDiffers = JSON.stringify(trained) !== JSON.stringify(grid.classes);"
                + "  try { await engine.startFrom(new Uint8Array([80, 75, 3, 4, 1, 2])); } catch (e) { out.badFile = e.message; }"
                + "  engine.terminate();"
                + "  return out;"
                + "}", engine);
    }

    @Test
    void csvThreeClassesAndFilesWorkTheSameInBothBuilds() {
        Map<String, Object> wasm = exerciseFiles("wasm");
        Map<String, Object> js = exerciseFiles("js");
        assertEquals(List.of("x", "y", "z"), wasm.get("classes"));
        assertEquals(List.of("x", "y", "z"), wasm.get("classNames"));
        assertEquals("row 3, column 2 (y): \"four\" is not a number", wasm.get("csvError"));
        assertEquals("a,b,kind\n0,0,x\n0.2,0.1,x\n3,3,y\n3.1,2.9,y\n0,3,z\n0.1,3.2,z\n", wasm.get("csv"));
        assertEquals(16, ((List<?>) wasm.get("gridClasses")).size(), "a class per grid cell for three classes");
        assertEquals("PK", wasm.get("ptMagic"));
        assertEquals(Boolean.TRUE, wasm.get("trainedDiffers"), "training moved the regions");
        assertEquals(Boolean.TRUE, wasm.get("backToStart"), "startFrom restores the exported weights");
        assertTrue(String.valueOf(wasm.get("badFile")).startsWith("not a complete zip archive"), String.valueOf(wasm.get("badFile")));
        assertEquals(wasm, js, "the JavaScript build answers exactly as the WebAssembly build");
    }
}
