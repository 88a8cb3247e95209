package org.nnplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.run.Scenarios;

/** The engine's JSON protocol on the JVM: what a worker's calls answer, and how a refused call answers. */
class EngineSessionTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @Test
    void everyCallBeforeInitIsRefusedWithTheSameMessage() {
        EngineSession session = new EngineSession();
        for (String answer : List.of(session.step(1), session.evaluate(), session.reset(), session.export(0),
                session.grid(0, 0, 1, 0, 1, 10), session.dataCsv(), session.setLearningRate(0.1))) {
            assertEquals(Map.of("error", "no run: send init first"), json(answer));
        }
    }

    @Test
    void aRefusedConfigurationLeavesNoRunBehind() {
        EngineSession session = new EngineSession();
        session.init(Scenarios.json("regression"));
        Map<String, Object> refused = json(session.init(Scenarios.json("regression").replace("\"lr\":0.2", "\"lr\":-1")));
        assertEquals("optimizers[0]: Invalid learning rate: -1.0", refused.get("error"));
        assertEquals("no run: send init first", json(session.step(1)).get("error"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRunAnswersItsInfoProgressAndMetrics() {
        EngineSession session = new EngineSession();
        Map<String, Object> info = json(session.init(Scenarios.json("regression")));
        assertEquals(200.0, info.get("steps"));
        assertEquals(List.of("SGD"), info.get("optimizers"));
        assertEquals(1.0, info.get("features"));
        assertEquals(100, ((List<Object>) info.get("inputs")).size());
        Map<String, Object> progress = json(session.step(5));
        assertEquals(5.0, progress.get("step"));
        assertEquals(false, progress.get("done"));
        assertEquals(5, ((List<Object>) ((List<Object>) progress.get("losses")).get(0)).size());
        Map<String, Object> metrics = json(session.evaluate());
        assertEquals(1, ((List<Object>) ((List<Object>) metrics.get("metrics")).get(0)).size(), "regression: the loss alone");
        assertNull(metrics.get("test"));
        assertEquals(100, ((List<Object>) json(session.grid(0, -1, 1, 0, 0, 100)).get("values")).size());
    }

    @Test
    void aModelThatIsNotThereAndAFileThatDidNotArriveAreNamed() {
        EngineSession session = new EngineSession();
        session.init(Scenarios.json("regression"));
        assertEquals("model index 3 is out of range for 1 optimizers", json(session.grid(3, 0, 1, 0, 1, 10)).get("error"));
        assertEquals("the file did not arrive intact (bad base64)", json(ToolExports.toolsReadStateDict("not base64!")).get("error"));
        assertEquals("not a weights file: expected PyTorch's .pt, .safetensors or the playground's JSON state dict",
                json(session.restore(0, "[1, 2]", "json")).get("error"));
    }

    @Test
    void itsOwnCheckpointRestoresWithNoDifference() {
        EngineSession session = new EngineSession();
        session.init(Scenarios.json("regression"));
        session.step(10);
        Map<String, Object> restored = json(session.restore(0, session.export(0), "json"));
        assertEquals("checkpoint", restored.get("kind"));
        assertEquals(0.0, restored.get("maxDifference"));
    }

    /** The engine hands a file's contents to the toolkit, which writes it; read back, it restores. */
    @Test
    void weightsGoThroughTheFileModuleAndBack() {
        EngineSession session = new EngineSession();
        session.init(Scenarios.json("regression"));
        session.step(10);
        String stateDict = (String) json(session.fileContents(0, "weights")).get("stateDict");
        for (String format : List.of("pt", "safetensors")) {
            String file = (String) json(ToolExports.toolsWriteStateDict(stateDict, format, "w")).get("base64");
            Map<String, Object> read = json(ToolExports.toolsReadStateDict(file));
            assertEquals(format, read.get("format"));
            Map<String, Object> restored = json(session.restore(0, (String) read.get("stateDict"), format));
            assertEquals("PyTorch state dict (." + format + ")", restored.get("kind"));
            // float32 in the file: the predictions agree to float32's precision, not exactly.
            double difference = (Double) restored.get("maxDifference");
            assertTrue(difference > 0 && difference < 1e-6, format + ": " + difference);
        }
        String tensors = (String) json(session.fileContents(0, "data")).get("tensors");
        byte[] data = java.util.Base64.getDecoder().decode((String) json(ToolExports.toolsWriteTensors(tensors, "d")).get("base64"));
        Map<String, org.nnplayground.io.pytorch.StoredTensor> written = org.nnplayground.io.pytorch.TorchFile.read(data);
        assertEquals(List.of("x", "y", "order", "batch_size", "train_rows", "test_rows"), List.copyOf(written.keySet()));
        assertEquals("export what: weights, initial or data, got biases", json(session.fileContents(0, "biases")).get("error"));
        assertEquals("format must be pt, safetensors or json, got onnx",
                json(ToolExports.toolsWriteStateDict(stateDict, "onnx", "w")).get("error"));
    }

    /** A race split into lane groups: contiguous (lanes 0-1 and 2-3), dealt round-robin (0, 2 and 1, 3), by cost (0, 3 and 1, 2). */
    @SuppressWarnings("unchecked")
    @Test
    void aRaceSplitIntoLaneGroupsAnswersWhatTheWholeRaceAnswers() {
        String race = Scenarios.json("optimizer-race");
        for (int[][] layout : new int[][][] {{{0, 1}, {2, 3}}, {{0, 2}, {1, 3}}, {{0, 3}, {1, 2}}}) {
            EngineSession whole = new EngineSession();
            EngineSession[] parts = {new EngineSession(), new EngineSession()};
            Map<String, Object> info = json(whole.init(race));
            int[] owner = new int[4]; // lane -> part
            int[] local = new int[4]; // lane -> its place in its part
            for (int g = 0; g < 2; g++) {
                int[] l = layout[g];
                assertEquals(info, json(parts[g].initLanes(race, java.util.Arrays.toString(l))), "a part describes the whole race");
                for (int i = 0; i < 2; i++) {
                    owner[l[i]] = g;
                    local[l[i]] = i;
                }
            }
            String name = java.util.Arrays.deepToString(layout);
            for (int call = 0; call < 3; call++) {
                List<Object> losses = (List<Object>) json(whole.step(40)).get("losses");
                List<List<Object>> partLosses = List.of((List<Object>) json(parts[0].step(40)).get("losses"),
                        (List<Object>) json(parts[1].step(40)).get("losses"));
                for (int k = 0; k < 4; k++) {
                    assertEquals(losses.get(k), partLosses.get(owner[k]).get(local[k]), name + ": lane " + k + ", call " + call);
                }
            }
            List<Object> metrics = (List<Object>) json(whole.evaluate()).get("metrics");
            List<List<Object>> partMetrics = List.of((List<Object>) json(parts[0].evaluate()).get("metrics"),
                    (List<Object>) json(parts[1].evaluate()).get("metrics"));
            for (int k = 0; k < 4; k++) {
                assertEquals(metrics.get(k), partMetrics.get(owner[k]).get(local[k]), name + ": lane " + k + "'s metrics");
                assertEquals(json(whole.state(k)), json(parts[owner[k]].state(k)), name + ": lane " + k + "'s history and weights");
                assertEquals(whole.export(k), parts[owner[k]].export(k), name + ": lane " + k + "'s checkpoint names the whole race");
            }
        }
        EngineSession back = new EngineSession();
        back.initLanes(race, "[2, 3]");
        assertEquals("model index 1 is not among this worker's lanes [2, 3]", json(back.state(1)).get("error"));
        EngineSession odd = new EngineSession();
        odd.initLanes(race, "[0, 3]");
        assertEquals("model index 2 is not among this worker's lanes [0, 3]", json(odd.state(2)).get("error"));
        assertEquals("lanes [3, 4] are not lanes of 4 optimizers in increasing order", json(back.initLanes(race, "[3, 4]")).get("error"));
        assertEquals("lanes [2, 1] are not lanes of 4 optimizers in increasing order", json(back.initLanes(race, "[2, 1]")).get("error"));
        assertEquals("lanes [] are not lanes of 4 optimizers in increasing order", json(back.initLanes(race, "[]")).get("error"));
        assertTrue(((String) json(back.initLanes(race, "[1.5]")).get("error")).contains("lanes"), "a lane is a whole number");
    }

    @Test
    void aBenchmarkSpecIsReadStrictly() {
        BenchSession bench = new BenchSession();
        String spec = "{\"sizes\": [1, 2, 1], \"classification\": false, \"optimizer\": \"SGD\", \"hyper\": {\"lr\": 0.1},"
                + " \"x\": [0, 1], \"targets\": [0, 1], \"weights\": [[[1, -1], [0, 0]], [[1, 1], [0]]], \"steps\": 3,"
                + " \"orders\": %s}";
        assertEquals("{}", bench.prepare(String.format(spec, "null")));
        assertEquals(3, bench.train());
        assertEquals("{}", bench.prepare(String.format(spec, "[[[0], [1]], [[1, 0]]]")));
        assertEquals(3, bench.train(), "one update per batch of the given orders");
        assertEquals("orders[1][0][1] must be a whole number, got 0.5",
                json(bench.prepare(String.format(spec, "[[[0], [1]], [[1, 0.5]]]"))).get("error"));
    }
}
