package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.io.Checkpoint;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.pytorch.Safetensors;
import org.nnplayground.io.pytorch.StoredTensor;
import org.nnplayground.io.pytorch.TorchFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.nn.BatchNorm1d;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.StateDict;

/** A run whose hidden layers have BatchNorm1d, LayerNorm and Dropout: train and eval modes, masks, files, checks. */
class NormDropoutRunTest {
    private static final String LAYERS = "[{\"units\":6,\"norm\":{\"name\":\"BatchNorm1d\",\"momentum\":0.2},\"activation\":\"ReLU\","
            + "\"dropout\":0.3},{\"units\":5,\"norm\":\"LayerNorm\",\"activation\":\"Tanh\",\"dropout\":0.1}]";

    private static String config(String layers, String optimizers, int batchSize) {
        return "{\"dataset\":{\"name\":\"moons\",\"n\":60,\"noise\":0.1,\"seed\":1},\"layers\":" + layers
                + ",\"loss\":\"CrossEntropyLoss\",\"optimizers\":" + optimizers + ",\"batchSize\":" + batchSize
                + ",\"steps\":12,\"shuffleSeed\":3}";
    }

    private static TrainingRun run(String optimizers) {
        return new TrainingRun(RunConfigJson.parse(config(LAYERS, optimizers, 16)));
    }

    @Test
    void theNetworkIsPytorchsLinearNormActivationDropoutWithBuffersInTheStateDict() {
        Sequential net = run("[{\"name\":\"SGD\",\"lr\":0.1}]").network(0);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "4.weight", "4.bias", "5.weight", "5.bias", "8.weight", "8.bias"), net.stateDict().keys());
        String printed = net.toString();
        assertTrue(printed.contains("(1): BatchNorm1d(6, eps=1e-05, momentum=0.2, affine=True, track_running_stats=True)"), printed);
        assertTrue(printed.contains("(3): Dropout(p=0.3, inplace=False)"), printed);
        assertTrue(printed.contains("(5): LayerNorm((5,), eps=1e-05, elementwise_affine=True)"), printed);
        assertTrue(net.stateDict().isInteger("1.num_batches_tracked"));
        assertEquals(10, net.parameters().size(), "buffers are not parameters: no optimizer trains them");
    }

    @Test
    void predictingAndEvaluatingNeitherDrawMasksNorMoveTheRunningStatistics() {
        TrainingRun plain = run("[{\"name\":\"Adam\",\"lr\":0.01}]");
        TrainingRun looked = run("[{\"name\":\"Adam\",\"lr\":0.01}]");
        while (plain.step()) {
            // to the end
        }
        while (looked.step()) {
            StateDict before = looked.network(0).stateDict();
            double[] first = looked.predict(0, new double[] {0.1, 0.2, 1, -0.5});
            looked.evaluate(0);
            Diagnostics.of(looked, 0);
            assertArrayEquals(first, looked.predict(0, new double[] {0.1, 0.2, 1, -0.5}), 0, "evaluation mode is deterministic");
            assertArrayEquals(before.get("1.running_mean").toArray(), looked.network(0).stateDict().get("1.running_mean").toArray(), 0);
        }
        assertArrayEquals(plain.lossHistory(0), looked.lossHistory(0), 0);
        assertTrue(looked.network(0).isTraining(), "back in training mode after looking");
        assertEquals(12.0, looked.network(0).stateDict().get("1.num_batches_tracked").item());
    }

    @Test
    void everyLaneDrawsTheSameMasksAndAResetDrawsThemAgain() {
        TrainingRun race = run("[{\"name\":\"SGD\",\"lr\":0.1,\"label\":\"a\"},{\"name\":\"SGD\",\"lr\":0.1,\"label\":\"b\"}]");
        while (race.step()) {
            // to the end
        }
        assertArrayEquals(race.lossHistory(0), race.lossHistory(1), 0);
        double[] first = race.lossHistory(0);
        race.reset();
        while (race.step()) {
            // again
        }
        assertArrayEquals(first, race.lossHistory(0), 0);
        TrainingRun withoutDropout = new TrainingRun(RunConfigJson.parse(config(LAYERS.replace(",\"dropout\":0.3", "")
                .replace(",\"dropout\":0.1", ""), "[{\"name\":\"SGD\",\"lr\":0.1}]", 16)));
        withoutDropout.step();
        assertNotEquals(first[0], withoutDropout.lossHistory(0)[0], "the masks change the loss");
    }

    @Test
    void theReplayFileCarriesEachDropoutsMasksForEveryPlannedBatch() {
        TrainingRun run = run("[{\"name\":\"SGD\",\"lr\":0.1}]");
        var tensors = PytorchExchange.dataTensors(run);
        StoredTensor first = tensors.get("dropout.3");
        StoredTensor second = tensors.get("dropout.7");
        // 60 points in batches of 16: 16, 16, 16, 12 an epoch; 12 updates are three epochs.
        assertArrayEquals(new int[] {180, 6}, first.shape());
        assertArrayEquals(new int[] {180, 5}, second.shape());
        double kept = 0;
        for (double v : first.values()) {
            assertTrue(v == 0 || v == 1);
            kept += v;
        }
        assertTrue(Math.abs(kept / first.values().length - 0.7) < 0.08, "about 1 - p kept: " + kept / first.values().length);
        assertFalse(tensors.containsKey("dropout.2"));
    }

    @Test
    void filesKeepTheRunningStatisticsAndTheCounterAsInt64() {
        TrainingRun run = run("[{\"name\":\"SGD\",\"lr\":0.1}]");
        while (run.step()) {
            // to the end
        }
        StateDict trained = run.network(0).stateDict();
        for (WeightFiles.Format format : WeightFiles.Format.values()) {
            byte[] file = PytorchExchange.weights(run, 0, format, "m");
            StateDict read = WeightFiles.read(file);
            assertEquals(trained.keys(), read.keys(), format.name());
            assertEquals(12.0, read.get("1.num_batches_tracked").item(), format.name());
            double kept = trained.get("1.running_var").toArray()[2];
            assertEquals(format == WeightFiles.Format.JSON ? kept : (float) kept, read.get("1.running_var").toArray()[2], 0);
        }
        assertEquals(StoredTensor.DType.INT64, TorchFile.read(PytorchExchange.weights(run, 0, WeightFiles.Format.PT, "m"))
                .get("1.num_batches_tracked").dtype());
        assertEquals(StoredTensor.DType.INT64, Safetensors.read(PytorchExchange.weights(run, 0, WeightFiles.Format.SAFETENSORS, "m"))
                .get("1.num_batches_tracked").dtype());
        // Loaded back into the page, either file predicts exactly what the network predicts, and looking moves nothing.
        for (WeightFiles.Format format : WeightFiles.Format.values()) {
            RestoreCheck check = RestoreCheck.of(run, 0, PytorchExchange.weights(run, 0, format, "m"));
            // JSON keeps every digit; .pt and .safetensors hold float32 weights.
            assertTrue(format == WeightFiles.Format.JSON ? check.maxDifference() == 0 : check.maxDifference() < 1e-5,
                    format + ": " + check.maxDifference());
        }
        RestoreCheck whole = RestoreCheck.ofText(run, 0, run.exportCheckpoint(0), "json");
        assertEquals(0, whole.maxDifference(), "a checkpoint restores the running statistics too");
        assertArrayEquals(trained.get("1.running_mean").toArray(), run.network(0).stateDict().get("1.running_mean").toArray(), 0);
        Checkpoint restored = CheckpointFile.read(run.exportCheckpoint(0));
        BatchNorm1d norm = (BatchNorm1d) ((Sequential) restored.model()).get(1);
        assertArrayEquals(trained.get("1.running_mean").toArray(), norm.runningMean().toArray(), 0);
        assertEquals(12, norm.numBatchesTracked());
    }

    @Test
    void configurationsThatCannotTrainAreRefusedByName() {
        String oneRow = assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(config(LAYERS, "[{\"name\":\"SGD\",\"lr\":0.1}]", 1))).getMessage();
        assertTrue(oneRow.contains("BatchNorm1d needs batches of at least 2 rows"), oneRow);
        String lastRow = assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(config(LAYERS, "[{\"name\":\"SGD\",\"lr\":0.1}]", 59))).getMessage();
        assertTrue(lastRow.contains("a last batch of 1") && lastRow.contains("dropLast"), lastRow);
        String dropout = assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(config(
                "[{\"units\":4,\"dropout\":1}]", "[{\"name\":\"SGD\",\"lr\":0.1}]", 16))).getMessage();
        assertTrue(dropout.contains("layers[0].dropout"), dropout);
        String norm = assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(config(
                "[{\"units\":4,\"norm\":\"GroupNorm\"}]", "[{\"name\":\"SGD\",\"lr\":0.1}]", 16))).getMessage();
        assertTrue(norm.contains("GroupNorm") && norm.contains("BatchNorm1d"), norm);
        String option = assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(config(
                "[{\"units\":4,\"norm\":{\"name\":\"LayerNorm\",\"momentum\":0.1}}]", "[{\"name\":\"SGD\",\"lr\":0.1}]", 16))).getMessage();
        assertTrue(option.contains("momentum"), option);
    }

    @Test
    void theConfigurationRoundTripsAndAFullBatchWithThemIsNotSplit() {
        RunConfig config = RunConfigJson.parse(config(LAYERS, "[{\"name\":\"SGD\",\"lr\":0.1}]", 0));
        RunConfig again = RunConfigJson.parse(RunConfigJson.write(config));
        assertEquals(RunConfigJson.write(config), RunConfigJson.write(again));
        assertTrue(RunConfigJson.write(config).contains("\"norm\":{\"name\":\"BatchNorm1d\",\"momentum\":0.2}"));
        assertFalse(config.rowsSplittable());
        TrainingRun run = new TrainingRun(config);
        assertThrows(IllegalArgumentException.class, () -> run.stepPart(0, 10));
    }
}
