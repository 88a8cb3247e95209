package org.nnplayground.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.data.CsvData;

/** Reads the dataset of a run configuration that brings its own points (CSV or drawn), strictly. */
final class CustomDatasetJson {
    private CustomDatasetJson() {
    }

    /**
     * {"name": "custom", "inputs": [x, ...] or [x1, x2, ...] (row by row), "targets": [y or class index, ...],
     * "classes": ["a", "b", ...] (classification only)}.
     */
    static RunConfig.DatasetSpec read(Map<String, Object> map) {
        for (String key : map.keySet()) {
            if (!Set.of("name", "inputs", "targets", "classes", "columns").contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" in a custom dataset");
            }
        }
        String[] classes = names(map.get("classes"), "dataset.classes");
        String[] columns = names(map.get("columns"), "dataset.columns");
        if (columns != null && columns.length != (classes == null ? 2 : 3)) {
            throw new IllegalArgumentException("dataset.columns must name " + (classes == null ? 2 : 3) + " columns");
        }
        if (classes != null && (classes.length < 2 || new java.util.HashSet<>(List.of(classes)).size() != classes.length)) {
            throw new IllegalArgumentException("dataset.classes must name two or more different classes");
        }
        double[] targets = numbers(map.get("targets"), "dataset.targets");
        double[] inputs = numbers(map.get("inputs"), "dataset.inputs");
        int features = classes == null ? 1 : 2;
        if (targets.length < 1 || targets.length > RunConfig.MAX_POINTS || inputs.length != targets.length * features) {
            throw new IllegalArgumentException("a custom dataset needs 1 to " + RunConfig.MAX_POINTS + " points with "
                    + features + " input(s) each; got " + targets.length + " targets and " + inputs.length + " inputs");
        }
        for (int i = 0; classes != null && i < targets.length; i++) {
            if (targets[i] != Math.floor(targets[i]) || targets[i] < 0 || targets[i] >= classes.length) {
                throw new IllegalArgumentException("dataset.targets[" + i + "] must be a class index from 0 to "
                        + (classes.length - 1) + ", got " + targets[i]);
            }
        }
        return new RunConfig.DatasetSpec(RunConfig.DatasetSpec.CUSTOM, targets.length, 0, 0,
                CsvData.of(inputs, targets, classes, columns));
    }

    private static String[] names(Object json, String where) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof List)) {
            throw new IllegalArgumentException(where + " must be a list of names");
        }
        List<?> list = (List<?>) json;
        String[] out = new String[list.size()];
        for (int k = 0; k < out.length; k++) {
            if (!(list.get(k) instanceof String)) {
                throw new IllegalArgumentException(where + "[" + k + "] must be a name");
            }
            out[k] = (String) list.get(k);
        }
        return out;
    }

    private static double[] numbers(Object json, String where) {
        if (!(json instanceof List)) {
            throw new IllegalArgumentException(where + " must be a list of numbers");
        }
        List<?> list = (List<?>) json;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Double) || !Double.isFinite((Double) v)) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a number, got " + v);
            }
            out[i] = (Double) v;
        }
        return out;
    }

}
