package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnplayground.data.DataLoader;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

class EpochCursorTest {
    private static TensorDataset rows(int n) {
        return new TensorDataset(Tensor.zeros(n, 1), Tensor.zeros(n, 1));
    }

    @Test
    void anEpochEndsAfterItsLastPartialBatch() {
        EpochCursor cursor = new EpochCursor(new DataLoader(rows(10), 4, false, new Generator(1)));
        assertArrayEquals(new int[] {0, 1, 2, 3}, cursor.nextRows());
        cursor.nextRows();
        assertArrayEquals(new int[] {8, 9}, cursor.nextRows());
        assertEquals(0, cursor.epoch(), "the epoch is complete only when the next one starts");
        assertArrayEquals(new int[] {0, 1, 2, 3}, cursor.nextRows());
        assertEquals(1, cursor.epoch());
    }

    @Test
    void eachEpochIsTheLoadersNextShuffle() {
        DataLoader twin = new DataLoader(rows(6), 3, true, new Generator(7));
        EpochCursor cursor = new EpochCursor(new DataLoader(rows(6), 3, true, new Generator(7)));
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int[] batch : twin.nextEpochOrder()) {
                assertArrayEquals(batch, cursor.nextRows());
            }
        }
        assertEquals(2, cursor.epoch());
    }

    @Test
    void withDropLastAnEpochEndsAfterItsLastFullBatch() {
        DataLoader twin = new DataLoader(rows(7), 3, true, true, new Generator(3));
        EpochCursor cursor = new EpochCursor(new DataLoader(rows(7), 3, true, true, new Generator(3)));
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int[] batch : twin.nextEpochOrder()) {
                assertArrayEquals(batch, cursor.nextRows());
            }
            assertTrue(cursor.epochEnded(), "epoch " + epoch + " ends with its second batch");
        }
        assertEquals(2, cursor.epoch());
    }
}
