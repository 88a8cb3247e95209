package org.nnplayground.server;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on a terminal; silent when output is not a terminal. */
final class ProgressBar {
    private static final int WIDTH = 40;
    private final PrintWriter stream;
    private final boolean enabled;
    private final int total;
    private int shownPercent = -1;

    ProgressBar(PrintWriter stream, boolean enabled, int total) {
        this.stream = stream;
        this.enabled = enabled;
        this.total = Math.max(1, total);
    }

    void update(int done) {
        int percent = (int) (100L * done / total);
        if (!enabled || percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = WIDTH * percent / 100;
        stream.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% (" + done + "/" + total + ")");
        stream.flush();
    }

    void finish(int done) {
        if (enabled) {
            update(done);
            stream.println();
        }
    }
}
