package org.nnplayground.run;

/**
 * One optimizer's loss per update, the last {@link #KEPT} of them. A page trains on open-ended at up to a
 * hundred thousand updates a second and takes each report's new losses as they come; keeping every loss of an
 * hour's run would hold gigabytes. A run is indexed by update from its start, however many were dropped.
 */
final class LossHistory {
    /** About ten seconds of the fastest page's updates, 8 MB; a power of two, so the ring is a grown array. */
    static final int KEPT = 1 << 20;

    private double[] values = new double[256];
    private int size; // updates recorded since the start, kept or not

    void add(double value) {
        if (size == values.length && size < KEPT) {
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        values[size % KEPT] = value;
        size++;
    }

    /** Updates recorded since the start. */
    int size() {
        return size;
    }

    /** The loss of update {@code index}, one of the kept ones. */
    double get(int index) {
        if (index < first() || index >= size) {
            throw new IndexOutOfBoundsException("update " + index + " is not kept (kept: " + first() + " to " + size + ")");
        }
        return values[index % KEPT];
    }

    /** The kept losses, oldest first: the whole history of a run shorter than {@link #KEPT}. */
    double[] toArray() {
        return since(0);
    }

    /** The losses from update {@code from} on (the kept ones; none when from is past the end): a report's new ones. */
    double[] since(int from) {
        int start = Math.min(Math.max(first(), from), size);
        double[] out = new double[size - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[(start + i) % KEPT];
        }
        return out;
    }

    private int first() {
        return Math.max(0, size - KEPT);
    }
}
