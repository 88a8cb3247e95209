package org.nnplayground.run;

/**
 * One optimizer's loss per update: every planned update's, and of an open-ended run the last {@link #KEPT}. A page
 * trains on past its plan at up to a hundred thousand updates a second and takes each report's new losses as they
 * come; keeping every loss of an hour's run would hold gigabytes. Updates are indexed from the run's start,
 * however many were dropped.
 */
final class LossHistory {
    /** Ten seconds of the fastest page's updates, 8 MB. */
    static final int KEPT = 1 << 20;

    private final int kept;
    private double[] values = new double[256];
    private int size; // updates recorded since the start, kept or not

    /** A history that keeps at least {@code planned} losses (a run's planned updates), and at least {@link #KEPT}. */
    LossHistory(int planned) {
        kept = Math.max(KEPT, planned);
    }

    void add(double value) {
        if (size == values.length && size < kept) {
            values = java.util.Arrays.copyOf(values, (int) Math.min((long) size * 2, kept));
        }
        values[size % kept] = value;
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
        return values[index % kept];
    }

    /** The kept losses, oldest first: the whole history of a run that did not train on far past its plan. */
    double[] toArray() {
        return since(0);
    }

    /** The losses from update {@code from} on (the kept ones; none when from is past the end): a report's new ones. */
    double[] since(int from) {
        int start = Math.min(Math.max(first(), from), size);
        double[] out = new double[size - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[(start + i) % kept];
        }
        return out;
    }

    private int first() {
        return Math.max(0, size - kept);
    }
}
