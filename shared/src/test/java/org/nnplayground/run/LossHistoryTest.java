package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossHistoryTest {
    @Test
    void aShortRunKeepsEveryLoss() {
        LossHistory history = new LossHistory(1000);
        for (int i = 0; i < 1000; i++) {
            history.add(i * 0.5);
        }
        assertEquals(1000, history.size());
        assertEquals(499.5, history.get(999));
        assertArrayEquals(new double[] {498.5, 499, 499.5}, history.since(997));
        assertEquals(1000, history.toArray().length);
        assertEquals(0, history.since(1000).length, "nothing new");
    }

    @Test
    void anOpenEndedRunKeepsTheLastLossesAndCountsEveryUpdate() {
        LossHistory history = new LossHistory(1000);
        int updates = LossHistory.KEPT + LossHistory.KEPT / 2 + 3;
        for (int i = 0; i < updates; i++) {
            history.add(i);
        }
        assertEquals(updates, history.size(), "updates are counted from the start");
        assertEquals(updates - 1, history.get(updates - 1));
        assertArrayEquals(new double[] {updates - 3, updates - 2, updates - 1}, history.since(updates - 3),
                "a report's new losses, past the ring's wrap");
        double[] kept = history.toArray();
        assertEquals(LossHistory.KEPT, kept.length, "memory stays bounded");
        assertEquals(updates - LossHistory.KEPT, kept[0], "the oldest kept loss first");
        assertEquals(updates - 1, kept[kept.length - 1]);
        assertEquals(LossHistory.KEPT, history.since(0).length, "what was dropped is not made up");
        assertThrows(IndexOutOfBoundsException.class, () -> history.get(0));
    }

    @Test
    void aLongPlanKeepsEveryPlannedLoss() {
        int planned = LossHistory.KEPT + 5;
        LossHistory history = new LossHistory(planned);
        for (int i = 0; i < planned + 2; i++) {
            history.add(i);
        }
        assertEquals(planned, history.toArray().length);
        assertEquals(2, history.toArray()[0], "only what came past the plan pushed the first out");
    }
}
