package org.nnplayground.course;

import org.nnplayground.random.Generator;
import org.nnplayground.text.CodedError;

/**
 * Chapter 5: fitting y = w·x to the points (1, 2), (2, 4), (3, 6) by gradient descent on the mean squared
 * error, cost(w) = mean (w·x − y)², gradient mean 2x(x·w − y), three ways:
 * <ul>
 * <li>batch: one update per epoch from all points (the course: lr 0.1, 100 epochs);</li>
 * <li>stochastic: one update per point (lr 0.01);</li>
 * <li>mini-batch: one update per group of points (batch size 2, lr 0.01).</li>
 * </ul>
 * The course's batch code returns from inside its summing loop, so it only ever uses the first point
 * (divided by 3); {@link #batchAsWrittenInCourse} reproduces that slip so the page can show the difference.
 */
public final class ScalarDescent {
    private final double[] xs;
    private final double[] ys;

    public ScalarDescent(double[] xs, double[] ys) {
        if (xs.length == 0 || xs.length != ys.length) {
            throw new IllegalArgumentException("need the same positive number of x and y values, got " + xs.length
                    + " and " + ys.length);
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    /** The course's data: y = 2x at x = 1, 2, 3. */
    public static ScalarDescent course() {
        return new ScalarDescent(new double[] {1, 2, 3}, new double[] {2, 4, 6});
    }

    private static void check(double w0, double lr, int epochs) {
        if (!Double.isFinite(w0)) {
            throw new CodedError("descent.w0", "initial w must be finite, got " + w0, "value", String.valueOf(w0));
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new CodedError("descent.lr", "Invalid learning rate: " + lr, "value", String.valueOf(lr)); // PyTorch's words
        }
        if (epochs <= 0) {
            throw new CodedError("descent.epochs", "epochs must be positive, got " + epochs, "value", epochs);
        }
    }

    /** Mean of (w·x − y)² over rows [from, to). */
    private double cost(double w, int[] rows, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double error = xs[rows[i]] * w - ys[rows[i]];
            sum += error * error;
        }
        return sum / (to - from);
    }

    /** Mean of 2x(x·w − y) over rows [from, to). */
    private double gradient(double w, int[] rows, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double x = xs[rows[i]];
            sum += 2 * x * (x * w - ys[rows[i]]);
        }
        return sum / (to - from);
    }

    private int[] inOrder() {
        int[] rows = new int[xs.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** Full-batch descent; the reported loss is the cost before each update, as the course prints it. */
    public DescentTrace batch(double w0, double lr, int epochs) {
        check(w0, lr, epochs);
        int[] rows = inOrder();
        DescentTrace trace = new DescentTrace(epochs);
        double w = w0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double reported = cost(w, rows, 0, rows.length);
            w -= lr * gradient(w, rows, 0, rows.length);
            trace.record(epoch, (epoch + 1) * rows.length, w, reported, cost(w, rows, 0, rows.length));
        }
        return trace;
    }

    /** The course's batch code as written: cost and gradient of the first point only, divided by n. */
    public DescentTrace batchAsWrittenInCourse(double w0, double lr, int epochs) {
        check(w0, lr, epochs);
        int[] rows = inOrder();
        DescentTrace trace = new DescentTrace(epochs);
        double w = w0;
        int n = xs.length;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double reported = cost(w, rows, 0, 1) / n;
            // Quotient first: TeaVM's JavaScript would drop the parentheses of lr * (g / n).
            w -= (gradient(w, rows, 0, 1) / n) * lr;
            trace.record(epoch, (epoch + 1) * n, w, reported, cost(w, rows, 0, n));
        }
        return trace;
    }

    /** One update per point; reported loss is that point's loss after its update, as the course prints it. */
    public DescentTrace stochastic(double w0, double lr, int epochs, Generator shuffle) {
        return miniBatch(w0, lr, epochs, 1, shuffle);
    }

    /**
     * One update per group of {@code batchSize} points (the last may be smaller), in order or reshuffled
     * every epoch when {@code shuffle} is given; the reported loss is the batch's loss after its update.
     */
    public DescentTrace miniBatch(double w0, double lr, int epochs, int batchSize, Generator shuffle) {
        check(w0, lr, epochs);
        if (batchSize <= 0) {
            throw new CodedError("descent.batch", "batch size must be positive, got " + batchSize, "value", batchSize);
        }
        int n = xs.length;
        int perEpoch = (n + batchSize - 1) / batchSize;
        DescentTrace trace = new DescentTrace(epochs * perEpoch);
        int[] all = inOrder();
        double w = w0;
        int seen = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] rows = shuffle == null ? all : shuffle.permutation(n);
            for (int start = 0; start < n; start += batchSize) {
                int end = Math.min(n, start + batchSize);
                w -= lr * gradient(w, rows, start, end);
                seen += end - start;
                trace.record(epoch, seen, w, cost(w, rows, start, end), cost(w, all, 0, n));
            }
        }
        return trace;
    }
}
