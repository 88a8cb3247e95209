package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.io.pytorch.WeightFiles;

/** Chapter 4: a saved network restored beside the run predicts exactly what the run's network predicts. */
class RestoreCheckTest {
    private static TrainingRun trainedRegression() {
        TrainingRun run = new TrainingRun(Scenarios.config("regression"));
        for (int i = 0; i < 20; i++) {
            run.step();
        }
        return run;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCheckpointAndEveryKindOfStateDictRestoreTheSamePredictions() {
        TrainingRun run = trainedRegression();
        RestoreCheck checkpoint = RestoreCheck.of(run, 0, utf8(run.exportCheckpoint(0)));
        assertEquals("checkpoint", checkpoint.kind());
        assertEquals(0.0, checkpoint.maxDifference());
        RestoreCheck stateDict = RestoreCheck.of(run, 0, utf8(StateDictFile.write(run.network(0).stateDict())));
        assertEquals("state dict", stateDict.kind());
        assertEquals(0.0, stateDict.maxDifference());
        RestoreCheck pt = RestoreCheck.of(run, 0, PytorchExchange.weights(run, 0, WeightFiles.Format.PT, "w"));
        assertEquals("PyTorch state dict (.pt)", pt.kind());
        assertTrue(pt.maxDifference() < 1e-6, "float32 weights, as PyTorch saves them: " + pt.maxDifference());
    }

    @Test
    void weightsFromEarlierInTheRunDiffer() {
        TrainingRun run = trainedRegression();
        byte[] early = utf8(StateDictFile.write(run.network(0).stateDict()));
        for (int i = 0; i < 20; i++) {
            run.step();
        }
        assertTrue(RestoreCheck.of(run, 0, early).maxDifference() > 1e-6);
    }

    @Test
    void itsAnswerListsEveryPointWithBothNetworksPredictions() {
        TrainingRun run = trainedRegression();
        byte[] early = utf8(StateDictFile.write(run.network(0).stateDict()));
        run.step();
        Map<String, Object> answer = RestoreCheck.of(run, 0, early).toJson();
        double[] x = run.inputsAsSeen().toArray();
        assertEquals(1L, ((Number) answer.get("inputWidth")).longValue());
        assertEquals(x.length, ((List<?>) answer.get("inputs")).size());
        List<?> network = (List<?>) answer.get("networkPredictions");
        List<?> restored = (List<?>) answer.get("predictions");
        double[] now = run.network(0).forward(run.inputsAsSeen()).toArray();
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], ((Number) ((List<?>) answer.get("inputs")).get(i)).doubleValue());
            assertEquals(now[i], ((Number) network.get(i)).doubleValue(), "the network's own prediction, point " + i);
            largest = Math.max(largest, Math.abs(now[i] - ((Number) restored.get(i)).doubleValue()));
        }
        assertEquals(largest, ((Number) answer.get("maxDifference")).doubleValue(), "the largest of the listed differences");
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedNotCompared() {
        TrainingRun run = trainedRegression();
        TrainingRun other = new TrainingRun(RunConfigJson.parse(Scenarios.json("regression")
                .replace("\"units\":10", "\"units\":3")));
        String message = assertThrows(IllegalArgumentException.class,
                () -> RestoreCheck.of(run, 0, utf8(StateDictFile.write(other.network(0).stateDict())))).getMessage();
        assertTrue(message.contains("size mismatch") || message.contains("shape"), message);
    }
}
