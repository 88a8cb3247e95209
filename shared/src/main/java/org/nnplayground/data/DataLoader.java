package org.nnplayground.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nnplayground.random.Generator;

/**
 * Serves a dataset in mini-batches, like {@code torch.utils.data.DataLoader}: in order, or reshuffled at
 * the start of every pass when {@code shuffle} is on (the order comes from the given generator, so a seed
 * fixes every epoch's batches); the last short batch is kept unless {@code dropLast}.
 * Iterating it once is one epoch.
 */
public final class DataLoader implements Iterable<Batch> {
    private final TensorDataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;

    /** PyTorch's defaults: batches of one, in order, the last kept. */
    public DataLoader(TensorDataset dataset) {
        this(dataset, 1);
    }

    /** In-order batches (PyTorch's default shuffle=False). */
    public DataLoader(TensorDataset dataset, int batchSize) {
        this(dataset, batchSize, false, false, null);
    }

    public DataLoader(TensorDataset dataset, int batchSize, boolean shuffle, Generator generator) {
        this(dataset, batchSize, shuffle, false, generator);
    }

    public DataLoader(TensorDataset dataset, int batchSize, boolean shuffle, boolean dropLast, Generator generator) {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must not be null");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size="
                    + batchSize);
        }
        if (shuffle && generator == null) {
            throw new IllegalArgumentException("shuffling needs a generator");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.generator = generator;
    }

    /** Batches per epoch. */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The next epoch's rows in the order its batches take them (draws the shuffle): batch b is rows
     * {@code b * batchSize} up to the next {@code batchSize} of them, {@link #size()} batches.
     */
    public int[] nextEpochRows() {
        int n = dataset.size();
        if (shuffle) {
            return generator.permutation(n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** The row indices of each batch of the next epoch (draws the shuffle). */
    public List<int[]> nextEpochOrder() {
        int n = dataset.size();
        int[] order = nextEpochRows();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            if (dropLast && end - start < batchSize) {
                break;
            }
            int[] rows = new int[end - start];
            System.arraycopy(order, start, rows, 0, rows.length);
            batches.add(rows);
        }
        return batches;
    }

    @Override
    public Iterator<Batch> iterator() {
        Iterator<int[]> rows = nextEpochOrder().iterator();
        return new Iterator<Batch>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Batch next() {
                return dataset.rows(rows.next());
            }
        };
    }

    public TensorDataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean shuffles() {
        return shuffle;
    }

    public boolean dropsLast() {
        return dropLast;
    }
}
