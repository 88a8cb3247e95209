package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnplayground.data.Standardizer;

/** Runs on your own points, with a held-out test part and standardized inputs, and their configuration errors. */
class OwnDataRunTest {
    static final String THREE_CLASSES = "{\"dataset\": {\"name\": \"custom\", \"inputs\": [0, 0, 0.1, 0, 5, 5, 5.1, 5,"
            + " 0, 5, 0.1, 5, 0.2, 0.1, 5.2, 5.1, 0.2, 5.1, 0, 0.2], \"targets\": [0, 0, 1, 1, 2, 2, 0, 1, 2, 0],"
            + " \"classes\": [\"a\", \"b\", \"c\"]}, \"layers\": [{\"units\": 8, \"activation\": \"Tanh\"}],"
            + " \"optimizers\": [{\"name\": \"Adam\", \"lr\": 0.05}], \"steps\": 300, \"initSeed\": 1%s}";

    static TrainingRun trained(String json) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(json));
        while (run.step()) {
            // to the end
        }
        return run;
    }

    @Test
    void threeClassesOfYourOwnAreLearnt() {
        TrainingRun run = trained(String.format(THREE_CLASSES, ""));
        assertEquals(3, run.network(0).forward(run.data().inputs()).size(1), "one logit per class");
        assertEquals(1.0, run.evaluate(0)[1]);
        RunConfig back = RunConfigJson.parse(RunConfigJson.write(run.config()));
        assertArrayEquals(new String[] {"a", "b", "c"}, back.dataset().points().classes(), "the JSON round trip keeps it");
    }

    @Test
    void aTestSplitIsHeldOutAndStandardizationUsesTheTrainingRowsOnly() {
        String json = Scenarios.json("classification").replace("\"shuffleSeed\"",
                "\"testFraction\": 0.25, \"splitSeed\": 3, \"standardize\": true, \"shuffleSeed\"");
        TrainingRun run = trained(json);
        assertEquals(50, run.testRows().length);
        assertEquals(150, run.trainRows().length);
        for (int row : run.epochOrders().get(0)) {
            assertTrue(java.util.Arrays.stream(run.testRows()).noneMatch((t) -> t == row), "test rows never train");
        }
        Standardizer expected = Standardizer.fit(run.data().rows(run.trainRows()).x());
        assertArrayEquals(expected.mean(), run.standardizer().mean());
        assertArrayEquals(expected.std(), run.standardizer().std());
        double[] test = run.evaluateTest(0);
        assertTrue(test[1] >= 0.95, "held-out accuracy " + test[1]);
        RunConfig back = RunConfigJson.parse(RunConfigJson.write(run.config()));
        assertEquals(0.25, back.testFraction());
        assertTrue(back.standardize());
    }

    @Test
    void badOwnDataIsRefusedWithTheFieldNamed() {
        assertEquals("dataset.targets[3] must be a class index from 0 to 2, got 3.0", assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(String.format(THREE_CLASSES, "").replace("[0, 0, 1, 1,", "[0, 0, 1, 3,"))).getMessage());
        assertEquals("BCEWithLogitsLoss needs two classes; this dataset has 3 (use CrossEntropyLoss)",
                assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(
                        String.format(THREE_CLASSES, ", \"loss\": \"BCEWithLogitsLoss\""))).getMessage());
        assertEquals("testFraction must be from 0 (no test set) to 0.9, got 0.95", assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(String.format(THREE_CLASSES, ", \"testFraction\": 0.95"))).getMessage());
        assertEquals("a custom dataset needs 1 to 100000 points with 2 input(s) and 1 target(s) each; got 10 targets and 19 inputs",
                assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(
                        String.format(THREE_CLASSES, "").replace("[0, 0, 0.1,", "[0, 0.1,"))).getMessage());
    }
}
