package org.nnplayground.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnplayground.data.Batch;
import org.nnplayground.data.DataLoader;
import org.nnplayground.data.TensorDataset;

/**
 * Where a run is in its data: the loader's epochs walked one batch at a time, so every optimizer of a race
 * can take the same batch, with the epochs counted as they complete.
 */
final class EpochCursor {
    private final DataLoader loader;
    private int[] order; // this epoch's rows, batch after batch
    private int next;    // the next batch of this epoch
    private int epoch;
    // The last full batch and the last short one (an epoch's end), their rows and their values, each written
    // over by the next batch of as many rows: in the browser a new array every update is garbage a moment
    // later, and an int array there is a buffer the collector sweeps on another thread.
    private final int[][] rows = new int[2][];
    private final Batch[] spent = new Batch[2];

    EpochCursor(DataLoader loader) {
        this.loader = loader;
    }

    /**
     * The next batch of {@code data}'s rows; the batch is this cursor's, written over by a later call. Every
     * batch of a run comes from the same data.
     */
    Batch nextBatch(TensorDataset data) {
        int[] indices = nextRows();
        int slot = slot(indices.length);
        spent[slot] = data.rows(indices, spent[slot]);
        return spent[slot];
    }

    private int slot(int count) {
        return count == loader.batchSize() ? 0 : 1;
    }

    /**
     * The rows of the next batch, drawing the next epoch's order when this one is used up. The array is this
     * cursor's, written over by a later call.
     */
    int[] nextRows() {
        if (loader.size() == 0) {
            throw new IllegalStateException("the training data has no batch to take");
        }
        if (order == null || next == loader.size()) {
            if (order != null) {
                epoch++;
            }
            order = loader.nextEpochRows();
            next = 0;
        }
        int start = next * loader.batchSize();
        int count = Math.min(loader.batchSize(), order.length - start);
        int slot = slot(count);
        if (rows[slot] == null || rows[slot].length != count) {
            rows[slot] = new int[count];
        }
        for (int i = 0; i < count; i++) {
            rows[slot][i] = order[start + i];
        }
        next++;
        return rows[slot];
    }

    /** Whether the batch {@link #nextRows} last gave was the last of its epoch. */
    boolean epochEnded() {
        return order != null && next == loader.size();
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
