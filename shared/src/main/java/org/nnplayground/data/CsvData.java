package org.nnplayground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset read from CSV: regression ({@code x, y}) or classification ({@code x1, x2, label}, labels mapped
 * to class indices 0, 1, ... in sorted order). It can be written back as CSV with the original labels.
 */
public final class CsvData {
    final String[] columns;
    final boolean header;
    final double[] inputs;
    final double[] targets;
    final String[] classes;

    CsvData(String[] columns, boolean header, double[] inputs, double[] targets, String[] classes) {
        this.columns = columns;
        this.header = header;
        this.inputs = inputs;
        this.targets = targets;
        this.classes = classes;
    }

    /** Builds one from values, e.g. points drawn on the chart; classes is null for regression. */
    public static CsvData of(double[] inputs, double[] targets, String[] classes) {
        return of(inputs, targets, classes, null);
    }

    /** As {@link #of(double[], double[], String[])}, with the columns' names (null for x, y or x1, x2, label). */
    public static CsvData of(double[] inputs, double[] targets, String[] classes, String[] columns) {
        boolean classification = classes != null;
        String[] names = classification ? new String[] {"x1", "x2", "label"} : new String[] {"x", "y"};
        if (columns != null && columns.length == names.length) {
            names = columns.clone();
        }
        return new CsvData(names, false, inputs.clone(), targets.clone(), classification ? classes.clone() : null);
    }

    public boolean isClassification() {
        return classes != null;
    }

    public int features() {
        return isClassification() ? 2 : 1;
    }

    public int rows() {
        return targets.length;
    }

    /** Whether the first row was taken as a header. */
    public boolean hasHeader() {
        return header;
    }

    public String[] columns() {
        return columns.clone();
    }

    /** Row-major inputs, {@link #features()} per row. */
    public double[] inputs() {
        return inputs.clone();
    }

    /** y values, or class indices into {@link #classes()}. */
    public double[] targets() {
        return targets.clone();
    }

    /** The class names in index order, or null for regression. */
    public String[] classes() {
        return classes == null ? null : classes.clone();
    }

    /** What each column became, for the preview: "x1: input", "label: 3 classes (a = 0, b = 1, c = 2)". */
    public List<String> columnRoles() {
        List<String> roles = new ArrayList<>();
        for (int c = 0; c < features(); c++) {
            roles.add(columns[c] + ": input");
        }
        if (isClassification()) {
            StringBuilder mapping = new StringBuilder();
            for (int k = 0; k < classes.length; k++) {
                mapping.append(k == 0 ? "" : ", ").append(classes[k]).append(" = ").append(k);
            }
            roles.add(columns[2] + ": " + classes.length + " classes (" + mapping + ")");
        } else {
            roles.add(columns[1] + ": target");
        }
        return roles;
    }

    /** The data as CSV text with a header; labels as their original names. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append('\n');
        int f = features();
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < f; c++) {
                out.append(number(inputs[r * f + c])).append(',');
            }
            out.append(isClassification() ? quoted(classes[(int) targets[r]]) : number(targets[r])).append('\n');
        }
        return out.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
