package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The data chart's background: the network's own answers at the grid's points, as probabilities or classes. */
class DecisionGridTest {
    private static double softmaxOf(double[] logits, int c) {
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z);
        }
        return Math.exp(logits[c]) / sum;
    }

    @Test
    void twoClassesGiveTheProbabilityOfClassOneAtEachCellRowByRowFromTheBottom() {
        TrainingRun run = new TrainingRun(Scenarios.config("classification"));
        run.step();
        DecisionGrid grid = DecisionGrid.of(run, 0, -4, 4, -2, 6, 5);
        double[] values = grid.values();
        assertEquals(25, values.length);
        assertNull(grid.classes());
        double[][] cells = {{0, -4, -2}, {4, 4, -2}, {5, -4, 0}, {24, 4, 6}, {12, 0, 2}};
        for (double[] cell : cells) {
            double[] logits = run.predict(0, new double[] {cell[1], cell[2]});
            assertEquals(softmaxOf(logits, 1), values[(int) cell[0]], 1e-15, "cell " + (int) cell[0]);
        }
    }

    @Test
    void oneInputGivesTheFittedCurveAlongX() {
        TrainingRun run = new TrainingRun(Scenarios.config("regression"));
        DecisionGrid grid = DecisionGrid.of(run, 0, -1, 1, 0, 0, 5);
        assertArrayEquals(run.predict(0, new double[] {-1, -0.5, 0, 0.5, 1}), grid.values());
    }

    @Test
    void threeClassesGiveEachCellsPredictedClassAndItsProbability() {
        TrainingRun run = OwnDataRunTest.trained(String.format(OwnDataRunTest.THREE_CLASSES, ""));
        DecisionGrid grid = DecisionGrid.of(run, 0, 0, 5, 0, 5, 2);
        double[][] corners = {{0, 0}, {5, 0}, {0, 5}, {5, 5}};
        int[] learnt = new int[4];
        for (int i = 0; i < 4; i++) {
            double[] logits = run.predict(0, corners[i]);
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = logits[c] > logits[best] ? c : best;
            }
            learnt[i] = best;
            assertEquals(softmaxOf(logits, best), grid.values()[i], 1e-15);
        }
        assertArrayEquals(learnt, grid.classes());
        // The data has class 0 near (0, 0), 2 near (0, 5) and 1 near (5, 5); (5, 0) is anyone's.
        assertEquals(0, grid.classes()[0]);
        assertEquals(2, grid.classes()[2]);
        assertEquals(1, grid.classes()[3]);
        assertEquals(java.util.List.of("classes", "resolution", "values"), java.util.List.copyOf(grid.toJson().keySet()));
    }

    @Test
    void anUnreasonableResolutionIsRefused() {
        TrainingRun run = new TrainingRun(Scenarios.config("regression"));
        assertEquals("grid resolution must be between 2 and 400, got 1",
                assertThrows(IllegalArgumentException.class, () -> DecisionGrid.of(run, 0, 0, 1, 0, 1, 1)).getMessage());
    }
}
