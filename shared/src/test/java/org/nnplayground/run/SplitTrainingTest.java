package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.catalog.Chapters;
import org.nnplayground.catalog.Losses;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Tensor;

/**
 * A full-batch update split over workers (each computing its rows' gradient; the parts added as the tree adds
 * rows) trains every lane to the same bits as one worker: losses, weights, for each loss and with L1.
 */
class SplitTrainingTest {
    /** The race's four optimizers on a large full batch, for `loss` on a dataset of 2-class points or a curve. */
    private static RunConfig config(Object loss, double l1) {
        Map<String, Object> race = Chapters.preset("optimizer-race");
        Map<String, Object> run = new LinkedHashMap<>(race);
        String name = loss instanceof Map ? (String) ((Map<?, ?>) loss).get("name") : (String) loss;
        boolean classes = Losses.namesFor(true).contains(name);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", classes ? "spiral" : "parabola-gaussian");
        dataset.put("n", 1300);
        dataset.put("noise", 0.2);
        run.put("dataset", dataset);
        run.put("loss", loss);
        run.put("batchSize", 0);
        run.remove("epochs");
        run.put("steps", 12);
        run.put("l1", l1);
        run.put("testFraction", 0.1);
        return RunConfigJson.read(run);
    }

    /** Trains `steps` updates over `parts` workers' copies of the run; returns the first copy. */
    private static TrainingRun split(RunConfig config, int parts, int steps) {
        TrainingRun[] workers = new TrainingRun[parts];
        for (int w = 0; w < parts; w++) {
            workers[w] = new TrainingRun(config);
        }
        int[] cuts = RowBlocks.splits(workers[0].batchSize(), parts);
        for (int s = 0; s < steps; s++) {
            double[][] pieces = new double[parts][];
            for (int w = 0; w < parts; w++) {
                pieces[w] = cuts[w] == cuts[w + 1] ? null : workers[w].stepPart(cuts[w], cuts[w + 1]);
            }
            double[] sum = GradientParts.sum(pieces);
            for (TrainingRun worker : workers) {
                worker.stepWithParts(sum);
            }
        }
        for (int w = 1; w < parts; w++) {
            assertSameRun(workers[0], workers[w], "worker " + w + " keeps the same copy");
        }
        return workers[0];
    }

    private static void assertSameRun(TrainingRun expected, TrainingRun actual, String label) {
        assertEquals(expected.stepCount(), actual.stepCount(), label);
        assertEquals(expected.epoch(), actual.epoch(), label);
        for (int k = 0; k < expected.optimizerCount(); k++) {
            assertArrayEquals(expected.lossHistory(k), actual.lossHistory(k), label + ", lane " + k + "'s losses");
            List<Tensor> want = expected.network(k).parameters();
            List<Tensor> got = actual.network(k).parameters();
            for (int p = 0; p < want.size(); p++) {
                assertArrayEquals(want.get(p).toArray(), got.get(p).toArray(), label + ", lane " + k + ", parameter " + p);
            }
        }
    }

    @Test
    void aFullBatchSplitOverWorkersTrainsToTheBitsOfOneWorker() {
        List<Object> losses = List.of("MSELoss", "CrossEntropyLoss", "BCEWithLogitsLoss", "L1Loss",
                Map.of("name", "SmoothL1Loss", "beta", 0.3), Map.of("name", "HuberLoss", "delta", 0.4, "reduction", "sum"),
                Map.of("name", "CrossEntropyLoss", "weight", List.of(0.3, 1.7), "label_smoothing", 0.1),
                Map.of("name", "NLLLoss", "weight", List.of(2.0, 0.5)), "BCELoss",
                Map.of("name", "BCEWithLogitsLoss", "pos_weight", List.of(2.5)));
        for (Object loss : losses) {
            for (double l1 : new double[] {0, 1e-3}) {
                RunConfig config = config(loss, l1);
                TrainingRun alone = new TrainingRun(config);
                for (int s = 0; s < 12; s++) {
                    alone.step();
                }
                for (int parts : new int[] {2, 4}) {
                    assertSameRun(alone, split(config, parts, 12), loss + ", l1 " + l1 + ", " + parts + " workers");
                }
            }
        }
    }

    @Test
    void aScheduledFullBatchSplitOverWorkersTrainsToTheBitsOfOneWorker() {
        Map<String, Object> run = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : RunConfigJson.toJson(config("MSELoss", 0)).entrySet()) {
            run.put(e.getKey(), e.getValue());
        }
        run.put("scheduler", Map.of("name", "ReduceLROnPlateau", "patience", 0.0, "threshold", 0.2));
        RunConfig config = RunConfigJson.read(run);
        TrainingRun alone = new TrainingRun(config);
        for (int s = 0; s < 12; s++) {
            alone.step();
        }
        assertTrue(alone.ratesSince(0, 0)[11] < alone.ratesSince(0, 0)[0], "the plateau lowered the rate");
        assertSameRun(alone, split(config, 2, 12), "a scheduled run on 2 workers");
    }

    /** The benchmark's way in (given data and weights, as W4 of the harness): split steps give train()'s bits. */
    @Test
    void explicitTrainingSplitOverWorkersGivesTheBitsOfOneWorker() {
        int rows = 2000;
        int[] sizes = {2, 32, 32, 2};
        org.nnplayground.random.Generator generator = new org.nnplayground.random.Generator(4);
        double[] x = new double[rows * 2];
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 2;
            x[2 * i] = generator.normal() + (i % 2 == 0 ? 2 : -2);
            x[2 * i + 1] = generator.normal() + (i % 2 == 0 ? 2 : -2);
        }
        double[][][] weights = new double[sizes.length - 1][][];
        for (int l = 0; l < weights.length; l++) {
            double[] w = new double[sizes[l] * sizes[l + 1]];
            double[] b = new double[sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = generator.uniform(-0.5, 0.5);
            }
            weights[l] = new double[][] {w, b};
        }
        int steps = 6;
        ExplicitTraining alone = new ExplicitTraining(sizes, weights, true, "SGD", Map.of("lr", 0.1), x, labels, steps, null);
        alone.train();
        for (int parts : new int[] {2, 4}) {
            ExplicitTraining[] workers = new ExplicitTraining[parts];
            for (int w = 0; w < parts; w++) {
                workers[w] = new ExplicitTraining(sizes, weights, true, "SGD", Map.of("lr", 0.1), x, labels, steps, null);
            }
            int[] cuts = RowBlocks.splits(rows, parts);
            for (int s = 0; s < workers[0].fullBatchSteps(); s++) {
                double[][] pieces = new double[parts][];
                for (int w = 0; w < parts; w++) {
                    pieces[w] = workers[w].stepPart(cuts[w], cuts[w + 1]);
                }
                double[] sum = GradientParts.sum(pieces);
                for (ExplicitTraining worker : workers) {
                    worker.stepWithParts(sum);
                }
            }
            for (ExplicitTraining worker : workers) {
                assertArrayEquals(alone.outputs(), worker.outputs(), parts + " workers");
            }
        }
    }

    @Test
    void onlyAFullBatchUpdateIsSplit() {
        TrainingRun minibatches = new TrainingRun(Scenarios.config("optimizer-race"));
        assertThrows(IllegalArgumentException.class, () -> minibatches.stepPart(0, 10));
    }
}
