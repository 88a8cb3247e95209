package org.nnplayground.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/**
 * What a network answers over the data chart, drawn behind the points: for two inputs, a res×res grid over
 * [x0, x1]×[y0, y1] (row by row from y0) of the probability of class 1, or for three or more classes the
 * predicted class of each cell with its probability; for one input, the fitted curve at res points of
 * [x0, x1].
 */
public final class DecisionGrid {
    private final int resolution;
    private final double[] values;
    private final int[] classes; // null unless three or more classes

    private DecisionGrid(int resolution, double[] values, int[] classes) {
        this.resolution = resolution;
        this.values = values;
        this.classes = classes;
    }

    /** The grid of network {@code k} of the run; the resolution must be 2 to 400. */
    public static DecisionGrid of(TrainingRun run, int k, double x0, double x1, double y0, double y1, int res) {
        boolean curve = run.config().dataset().features() == 1;
        if (run.config().dataset().features() > 2 || run.config().outputWidth() > 1 && curve) {
            throw new IllegalArgumentException("a chart draws the network over one or two inputs and one output; this "
                    + "dataset has " + run.config().dataset().features() + " inputs and " + run.config().outputWidth() + " outputs");
        }
        int cells = curve ? res : res * res;
        double[] points = points(curve, x0, x1, y0, y1, res);
        double[] out = run.predict(k, points);
        if (curve) {
            return new DecisionGrid(res, out, null);
        }
        int columns = out.length / cells;
        if (columns <= 2) {
            return new DecisionGrid(res, classOneProbability(out, columns), null);
        }
        Tensor probabilities = Tensor.of(out, cells, columns).softmax(1);
        double[] p = probabilities.storage();
        double[] winners = probabilities.argmax(1).storage();
        int[] predicted = new int[cells];
        double[] confidence = new double[cells];
        for (int i = 0; i < cells; i++) {
            predicted[i] = (int) winners[i];
            confidence[i] = p[i * columns + predicted[i]];
        }
        return new DecisionGrid(res, confidence, predicted);
    }

    /**
     * The grid's points as flat rows: for a curve res x values across [x0, x1]; else res×res (x, y) pairs
     * row by row from y0.
     */
    static double[] points(boolean curve, double x0, double x1, double y0, double y1, int res) {
        if (res < 2 || res > 400) {
            throw new IllegalArgumentException("grid resolution must be between 2 and 400, got " + res);
        }
        double[] points = new double[curve ? res : 2 * res * res];
        for (int r = 0; r < (curve ? 1 : res); r++) {
            for (int c = 0; c < res; c++) {
                double x = x0 + (x1 - x0) * c / (res - 1);
                if (curve) {
                    points[c] = x;
                } else {
                    points[2 * (r * res + c)] = x;
                    points[2 * (r * res + c) + 1] = y0 + (y1 - y0) * r / (res - 1);
                }
            }
        }
        return points;
    }

    /** P(class 1) from one logit (sigmoid) or two (softmax, which for two classes is σ(z1 − z0)). */
    private static double[] classOneProbability(double[] logits, int columns) {
        int rows = logits.length / columns;
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            double z = columns == 1 ? logits[i] : logits[2 * i + 1] - logits[2 * i];
            p[i] = Pointwise.sigmoidOf(z);
        }
        return p;
    }

    public double[] values() {
        return values.clone();
    }

    /** Each cell's predicted class with three or more classes, else null. */
    public int[] classes() {
        return classes == null ? null : classes.clone();
    }

    /** {"classes"?: [...], "resolution": res, "values": [...]}, a value that is not finite as null. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (classes != null) {
            out.put("classes", classes);
        }
        out.put("resolution", resolution);
        out.put("values", JsonWriter.finiteOrNull(values));
        return out;
    }
}
