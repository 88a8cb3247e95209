package org.nnplayground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset of your own, read from CSV or drawn: inputs in the first columns, then the targets: one class label
 * for classification (mapped to class indices 0, 1, ... in sorted order), or one or more values for regression.
 * It can be written back as CSV with the original labels.
 */
public final class CsvData {
    final String[] columns;
    final boolean header;
    final double[] inputs;
    final int features;
    final double[] targets;
    final int outputs;
    final String[] classes;

    CsvData(String[] columns, boolean header, double[] inputs, int features, double[] targets, int outputs, String[] classes) {
        this.columns = columns;
        this.header = header;
        this.inputs = inputs;
        this.features = features;
        this.targets = targets;
        this.outputs = outputs;
        this.classes = classes;
    }

    /** Builds one from values, e.g. points drawn on the chart: x, y or x1, x2, class; classes is null for regression. */
    public static CsvData of(double[] inputs, double[] targets, String[] classes) {
        return of(inputs, classes == null ? 1 : 2, targets, 1, classes, null);
    }

    /**
     * Builds one from row-major values: {@code features} inputs and, for regression, {@code outputs} targets a row
     * (classification: one class index a row); the columns' names, or null for x1, x2, ..., y (or label).
     */
    public static CsvData of(double[] inputs, int features, double[] targets, int outputs, String[] classes, String[] columns) {
        boolean classification = classes != null;
        String[] names = defaultNames(features, classification ? 1 : outputs, classification);
        if (columns != null && columns.length == names.length) {
            names = columns.clone();
        }
        return new CsvData(names, false, inputs.clone(), features, targets.clone(), classification ? 1 : outputs,
                classification ? classes.clone() : null);
    }

    /** x, y for one input and one target; x1, x2, label; x1, x2, x3, y1, y2 and so on. */
    public static String[] defaultNames(int features, int outputs, boolean classification) {
        String[] names = new String[features + outputs];
        for (int c = 0; c < features; c++) {
            names[c] = features == 1 ? "x" : "x" + (c + 1);
        }
        for (int c = 0; c < outputs; c++) {
            names[features + c] = classification ? "label" : outputs == 1 ? "y" : "y" + (c + 1);
        }
        return names;
    }

    public boolean isClassification() {
        return classes != null;
    }

    /** Inputs a row. */
    public int features() {
        return features;
    }

    /** Targets a row: the regression's values (1 for classification's label). */
    public int outputs() {
        return outputs;
    }

    public int rows() {
        return targets.length / outputs;
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

    /** y values ({@link #outputs()} a row, row-major), or class indices into {@link #classes()}. */
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
            roles.add(columns[features] + ": " + classes.length + " classes (" + mapping + ")");
        } else {
            for (int c = 0; c < outputs; c++) {
                roles.add(columns[features + c] + ": target");
            }
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
            if (isClassification()) {
                out.append(quoted(classes[(int) targets[r]]));
            }
            for (int c = 0; !isClassification() && c < outputs; c++) {
                out.append(c == 0 ? "" : ",").append(number(targets[r * outputs + c]));
            }
            out.append('\n');
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
