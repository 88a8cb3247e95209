package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.nn.Module;

/** Runs described by a configuration learn, replay exactly, race fairly and stop on divergence. */
class TrainingRunTest {
    private static TrainingRun runToEnd(RunConfig config) {
        return runToEnd(new TrainingRun(config));
    }

    private static TrainingRun runToEnd(TrainingRun run) {
        while (run.step()) {
            // train to the end
        }
        return run;
    }

    /**
     * Each lane of a race is independent of the others: the same initial weights and batches, its own copy and
     * optimizer. A run of one lane's optimizer alone gives that lane's numbers bit for bit, which is what lets a
     * race spread its lanes over workers (issue 16).
     */
    @SuppressWarnings("unchecked")
    @Test
    void aRaceLaneAloneGivesTheSameBitsAsInTheRace() {
        java.util.Map<String, Object> preset = org.nnplayground.catalog.Chapters.preset("optimizer-race");
        TrainingRun race = runToEnd(RunConfigJson.read(preset));
        java.util.List<Object> optimizers = (java.util.List<Object>) preset.get("optimizers");
        for (int k = 0; k < optimizers.size(); k++) {
            java.util.Map<String, Object> one = new java.util.LinkedHashMap<>(preset);
            one.put("optimizers", java.util.List.of(optimizers.get(k)));
            TrainingRun alone = runToEnd(RunConfigJson.read(one));
            assertArrayEquals(race.lossHistory(k), alone.lossHistory(0), "lane " + k + "'s losses");
            java.util.List<org.nnplayground.tensor.Tensor> raced = race.network(k).parameters();
            java.util.List<org.nnplayground.tensor.Tensor> single = alone.network(0).parameters();
            for (int p = 0; p < raced.size(); p++) {
                assertArrayEquals(raced.get(p).toArray(), single.get(p).toArray(), "lane " + k + ", parameter " + p);
            }
        }
    }

    @Test
    void courseScenariosLearn() {
        TrainingRun regression = runToEnd(Scenarios.config("regression"));
        assertEquals(200, regression.stepCount());
        assertTrue(regression.evaluate(0)[0] < 0.0122, "regression loss " + regression.evaluate(0)[0]);

        TrainingRun classification = runToEnd(Scenarios.config("classification"));
        assertTrue(classification.evaluate(0)[1] >= 0.95, "accuracy " + classification.evaluate(0)[1]);

        TrainingRun race = runToEnd(Scenarios.config("optimizer-race"));
        assertEquals(12 * 32, race.stepCount());
        assertEquals(11, race.epoch());
        for (int k = 1; k < 4; k++) {
            assertTrue(race.evaluate(k)[0] < race.evaluate(0)[0], "optimizer " + k + " beats plain SGD");
        }
    }

    @Test
    void theLossesSinceAnUpdateAreTheTailOfTheHistory() {
        TrainingRun race = new TrainingRun(Scenarios.config("optimizer-race"));
        for (int i = 0; i < 300; i++) {
            race.step();
        }
        for (int k = 0; k < 4; k++) {
            double[] all = race.lossHistory(k);
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(all, 257, 300), race.lossesSince(k, 257));
            assertEquals(300, race.lossesSince(k, 0).length);
            assertEquals(0, race.lossesSince(k, 300).length, "nothing new");
            assertEquals(0, race.lossesSince(k, 400).length, "past the end: nothing");
        }
    }

    @Test
    void thePlaygroundsOpeningRunLearnsItsSpiral() {
        TrainingRun playground = runToEnd(Scenarios.config("playground"));
        assertTrue(playground.evaluate(0)[1] >= 0.95, "accuracy " + playground.evaluate(0)[1]);
    }

    @Test
    void aRunPausesAtItsPlanAndKeepsGoingWhenAskedUntilReset() {
        TrainingRun run = runToEnd(Scenarios.config("regression"));
        assertFalse(run.step(), "the plan's 200 steps are done");
        run.keepGoing();
        assertFalse(run.isFinished());
        for (int i = 0; i < 50; i++) {
            assertTrue(run.step());
        }
        assertEquals(250, run.stepCount());
        assertEquals(250, run.lossHistory(0).length);
        run.reset();
        assertEquals(200, runToEnd(run).stepCount(), "reset brings the plan back");
    }

    @Test
    void l1PullsEveryWeightTowardsZeroByTheRateTimesItsSignAndLeavesBiasesAlone() {
        String plain = Scenarios.json("regression");
        TrainingRun without = new TrainingRun(RunConfigJson.parse(plain));
        TrainingRun with = new TrainingRun(RunConfigJson.parse(plain.replace("\"batchSize\"", "\"l1\":0.01,\"batchSize\"")));
        java.util.Map<String, org.nnplayground.tensor.Tensor> before = without.network(0).namedParameters();
        java.util.Map<String, double[]> start = new java.util.LinkedHashMap<>();
        before.forEach((name, p) -> start.put(name, p.toArray()));
        without.step();
        with.step();
        assertEquals(without.lastLoss(0), with.lastLoss(0), "the history keeps the data's loss alone");
        double lr = 0.2;
        for (String name : start.keySet()) {
            double[] w0 = start.get(name);
            double[] a = without.network(0).namedParameters().get(name).toArray();
            double[] b = with.network(0).namedParameters().get(name).toArray();
            for (int i = 0; i < w0.length; i++) {
                double expected = name.endsWith("weight") ? -lr * 0.01 * Math.signum(w0[i]) : 0;
                assertEquals(expected, b[i] - a[i], 1e-15, name + "[" + i + "]");
            }
        }
        assertEquals(0.01, RunConfigJson.parse(RunConfigJson.write(with.config())).l1(), "the JSON round trip keeps it");
    }

    @Test
    void everyOptimizerStartsFromTheSameWeights() {
        TrainingRun race = new TrainingRun(Scenarios.config("optimizer-race"));
        for (int k = 1; k < 4; k++) {
            assertArrayEquals(race.network(0).parameters().get(0).toArray(), race.network(k).parameters().get(0).toArray());
        }
        race.step();
        // Same batch, same weights: every optimizer reports the same first loss.
        for (int k = 1; k < 4; k++) {
            assertEquals(race.lastLoss(0), race.lastLoss(k));
        }
    }

    @Test
    void resetReplaysTheSameRunAndReinitChangesIt() {
        RunConfig config = Scenarios.config("optimizer-race");
        TrainingRun run = new TrainingRun(config);
        for (int i = 0; i < 50; i++) {
            run.step();
        }
        double[] first = run.lossHistory(3);
        run.reset();
        for (int i = 0; i < 50; i++) {
            run.step();
        }
        assertArrayEquals(first, run.lossHistory(3));
        TrainingRun other = new TrainingRun(config.withInitSeed(99));
        other.step();
        assertNotEquals(first[0], other.lastLoss(3));
    }

    @Test
    void aDivergingRunStopsAndSaysWhere() {
        String json = Scenarios.json("regression").replace("\"lr\":0.2", "\"lr\":1000");
        TrainingRun run = runToEnd(RunConfigJson.parse(json));
        assertTrue(run.error() != null && run.error().contains("at step"), String.valueOf(run.error()));
        assertTrue(run.stepCount() < 200);
        assertFalse(run.step());
    }

    @Test
    void exportedCheckpointPredictsLikeTheRun() {
        TrainingRun run = runToEnd(Scenarios.config("save-load"));
        Module restored = CheckpointFile.read(run.exportCheckpoint(0)).model();
        double[] points = {-0.5, 0.0, 0.5};
        assertArrayEquals(run.predict(0, points),
                restored.forward(org.nnplayground.tensor.Tensor.of(points, 3, 1)).toArray());
    }

    @Test
    void bceAndOtherActivationsTrainToo() {
        String json = "{\"dataset\":{\"name\":\"moons\",\"n\":200,\"noise\":0.1,\"seed\":2},"
                + "\"layers\":[{\"units\":16,\"activation\":\"Tanh\"},{\"units\":16,\"activation\":\"GELU\"}],"
                + "\"loss\":\"BCEWithLogitsLoss\",\"optimizers\":[{\"name\":\"Adam\",\"lr\":0.02}],"
                + "\"batchSize\":20,\"epochs\":40,\"initSeed\":3,\"shuffleSeed\":4}";
        TrainingRun run = runToEnd(RunConfigJson.parse(json));
        assertNull(run.error());
        assertTrue(run.evaluate(0)[1] > 0.9, "moons accuracy " + run.evaluate(0)[1]);
    }

    @Test
    void configurationsRoundTripThroughJson() {
        RunConfig config = Scenarios.config("optimizer-race");
        RunConfig again = RunConfigJson.parse(RunConfigJson.write(config));
        assertEquals(RunConfigJson.write(config), RunConfigJson.write(again));
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(json)).getMessage();
    }

    @Test
    void badConfigurationsAreRefusedWithTheFieldNamed() {
        String good = Scenarios.json("regression");
        assertTrue(message(good.replace("\"parabola\"", "\"mnist\"")).contains("dataset.name"));
        assertTrue(message(good.replace("\"n\":100", "\"n\":0")).contains("dataset.n"));
        assertTrue(message(good.replace("\"units\":10", "\"units\":-3")).contains("layers[0].units"));
        assertTrue(message(good.replace("\"ReLU\"", "\"Swish\"")).contains("layers[0].activation"));
        assertTrue(message(good.replace("\"MSELoss\"", "\"CrossEntropyLoss\"")).contains("loss"));
        assertEquals("optimizers[0]: Invalid learning rate: -0.2", message(good.replace("\"lr\":0.2", "\"lr\":-0.2")));
        assertTrue(message(good.replace("\"steps\":200", "\"steps\":0")).contains("steps"));
        assertTrue(message(good.replace("\"batchSize\":0", "\"batchSize\":-1")).contains("batchSize"));
        assertTrue(message(good.replace("\"initSeed\":1", "\"initSeed\":1,\"colour\":2")).contains("colour"));
        assertTrue(message("[1,2]").contains("JSON object"));
    }
}
