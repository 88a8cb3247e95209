package org.nnplayground.run;

/** A growable list of one optimizer's loss per update. */
final class LossHistory {
    private double[] values = new double[256];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double get(int index) {
        return values[index];
    }

    double[] toArray() {
        return java.util.Arrays.copyOf(values, size);
    }

    /** The losses from index {@code from} on (none when from is past the end): a report's new ones. */
    double[] since(int from) {
        return java.util.Arrays.copyOfRange(values, Math.min(Math.max(0, from), size), size);
    }
}
