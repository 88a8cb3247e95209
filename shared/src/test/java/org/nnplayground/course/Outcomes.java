package org.nnplayground.course;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnplayground.golden.GoldenFiles;

/** PyTorch's outcomes of the course's programs over 20 seeds, from seed-outcomes.json. */
final class Outcomes {
    private final Map<String, Object> json;

    private Outcomes(Map<String, Object> json) {
        this.json = json;
    }

    static Outcomes load() throws IOException {
        return new Outcomes(GoldenFiles.read("seed-outcomes.json"));
    }

    /** The per-seed values of {@code metric} in section {@code section} (e.g. a_regression, loop_loss_200). */
    @SuppressWarnings("unchecked")
    double[] perSeed(String section, String metric) {
        List<Object> seeds = (List<Object>) ((Map<String, Object>) json.get(section)).get("per_seed");
        double[] values = new double[seeds.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (Double) ((Map<String, Object>) seeds.get(i)).get(metric);
        }
        return values;
    }

    /** A {min, mean, max} summary such as e_optimizer_comparison.Adam.full_data_mse. */
    @SuppressWarnings("unchecked")
    double[] summary(String section, String group, String metric) {
        Map<String, Object> stats = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) json.get(section))
                .get(group)).get(metric);
        return new double[] {(Double) stats.get("min"), (Double) stats.get("mean"), (Double) stats.get("max")};
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String section) {
        return (Map<String, Object>) json.get(section);
    }

    @SuppressWarnings("unchecked")
    static double[] numbers(Object list) {
        List<Object> values = new ArrayList<>((List<Object>) list);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) values.get(i);
        }
        return out;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
