package org.nnplayground.data;

/** How much a CSV dataset may hold; the page shows these, and the server applies its own. */
public final class CsvLimits {
    public static final CsvLimits DEFAULT = new CsvLimits(5000, 1_000_000, 1000, 10);

    public final int maxRows;
    public final int maxBytes;
    public final int maxLineLength;
    public final int maxClasses;

    public CsvLimits(int maxRows, int maxBytes, int maxLineLength, int maxClasses) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.maxLineLength = maxLineLength;
        this.maxClasses = maxClasses;
    }

    public CsvLimits withMaxRows(int rows) {
        return new CsvLimits(rows, maxBytes, maxLineLength, maxClasses);
    }
}
