package org.nnplayground.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.data.CsvData;
import org.nnplayground.json.JsonFields;

/** Reads the dataset of a run configuration that brings its own points (CSV or drawn), strictly. */
final class CustomDatasetJson {
    private CustomDatasetJson() {
    }

    /**
     * {"name": "custom", "inputs": [x, ...] or [x1, x2, ...] (row by row), "targets": [y or class index, ...],
     * "classes": ["a", "b", ...] (classification only)}.
     */
    static RunConfig.DatasetSpec read(Map<String, Object> map) {
        JsonFields.keys(map, "dataset", Set.of("name", "inputs", "targets"), Set.of("name", "inputs", "targets", "classes", "columns"));
        String[] classes = names(map.get("classes"), "dataset.classes");
        String[] columns = names(map.get("columns"), "dataset.columns");
        if (columns != null && columns.length != (classes == null ? 2 : 3)) {
            throw new IllegalArgumentException("dataset.columns must name " + (classes == null ? 2 : 3) + " columns");
        }
        if (classes != null && (classes.length < 2 || new java.util.HashSet<>(List.of(classes)).size() != classes.length)) {
            throw new IllegalArgumentException("dataset.classes must name two or more different classes");
        }
        double[] targets = JsonFields.numbers(map.get("targets"), "dataset.targets");
        double[] inputs = JsonFields.numbers(map.get("inputs"), "dataset.inputs");
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
        return json == null ? null : JsonFields.strings(json, where);
    }
}
