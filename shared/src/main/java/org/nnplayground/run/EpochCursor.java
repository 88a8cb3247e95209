package org.nnplayground.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnplayground.data.DataLoader;

/**
 * Where a run is in its data: the loader's epochs walked one batch at a time, so every optimizer of a race
 * can take the same batch, with the epochs counted as they complete.
 */
final class EpochCursor {
    private final DataLoader loader;
    private List<int[]> batches;
    private int next;
    private int epoch;

    EpochCursor(DataLoader loader) {
        this.loader = loader;
    }

    /** The rows of the next batch, drawing the next epoch's order when this one is used up. */
    int[] nextBatch() {
        if (batches == null || next == batches.size()) {
            if (batches != null) {
                epoch++;
            }
            batches = loader.nextEpochOrder();
            next = 0;
        }
        return batches.get(next++);
    }

    /** Whether the batch {@link #nextBatch} last gave was the last of its epoch. */
    boolean epochEnded() {
        return batches != null && next == batches.size();
    }

    /**
     * Each epoch's order of the training rows as rows of {@code data}, for every epoch {@code steps} updates
     * touch: the batches are consecutive slices of it (with drop_last, the rows left over are not in it).
     */
    static List<int[]> orders(DataLoader loader, int steps, PreparedData data) {
        List<int[]> orders = new ArrayList<>();
        for (int made = 0; made < steps; ) {
            List<int[]> batches = loader.nextEpochOrder();
            int[] order = new int[data.train().size()];
            int at = 0;
            for (int[] rows : batches) {
                for (int row : rows) {
                    order[at++] = data.trainRow(row);
                }
            }
            orders.add(at == order.length ? order : Arrays.copyOf(order, at));
            made += batches.size();
        }
        return orders;
    }

    /** The number of rows in each of the first {@code steps} batches {@code loader} gives. */
    static int[] batchRows(DataLoader loader, int steps) {
        int[] rows = new int[steps];
        for (int made = 0; made < steps; ) {
            for (int[] batch : loader.nextEpochOrder()) {
                if (made < steps) {
                    rows[made++] = batch.length;
                }
            }
        }
        return rows;
    }

    /** Completed passes over the data (0 during the first). */
    int epoch() {
        return epoch;
    }
}
