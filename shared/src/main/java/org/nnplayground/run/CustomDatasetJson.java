package org.nnplayground.run;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.CsvReader;
import org.nnplayground.json.JsonFields;
import org.nnplayground.text.CodedError;

/** Reads the dataset of a run configuration that brings its own points (CSV or drawn), strictly. */
final class CustomDatasetJson {
    private CustomDatasetJson() {
    }

    /**
     * {"name": "custom", "inputs": [x, ...] or [x1, x2, ...] (row by row), "targets": [y or class index, ...] (row by
     * row), "classes": ["a", "b", ...] (classification only), "features": inputs a row (default 1 for regression, 2
     * for classification), "outputs": targets a row (regression only, default 1), "columns": their names}.
     */
    static RunConfig.DatasetSpec read(Map<String, Object> map) {
        JsonFields.keys(map, "dataset", Set.of("name", "inputs", "targets"),
                Set.of("name", "inputs", "targets", "classes", "columns", "features", "outputs"));
        String[] classes = names(map.get("classes"), "dataset.classes");
        String[] columns = names(map.get("columns"), "dataset.columns");
        int features = map.containsKey("features")
                ? JsonFields.integer(map, "features", "dataset", 1, CsvReader.MAX_COLUMNS - 1) : classes == null ? 1 : 2;
        int outputs = map.containsKey("outputs")
                ? JsonFields.integer(map, "outputs", "dataset", 1, CsvReader.MAX_COLUMNS - 1) : 1;
        if (classes != null && outputs != 1) {
            throw new CodedError("config.dataset.outputs", "dataset.outputs is for regression; a classification has one label a row");
        }
        if (features + outputs > CsvReader.MAX_COLUMNS) {
            throw new CodedError("config.dataset.columns", "a dataset has at most " + CsvReader.MAX_COLUMNS + " columns, got "
                    + features + " inputs and " + outputs + " targets", "limit", CsvReader.MAX_COLUMNS, "features", features,
                    "outputs", outputs);
        }
        if (columns != null && columns.length != features + outputs) {
            throw new CodedError("config.dataset.names", "dataset.columns must name " + (features + outputs) + " columns",
                    "columns", features + outputs);
        }
        if (classes != null && (classes.length < 2 || new java.util.HashSet<>(List.of(classes)).size() != classes.length)) {
            throw new CodedError("config.dataset.classes", "dataset.classes must name two or more different classes");
        }
        double[] targets = JsonFields.numbers(map.get("targets"), "dataset.targets");
        double[] inputs = JsonFields.numbers(map.get("inputs"), "dataset.inputs");
        int rows = targets.length / outputs;
        if (targets.length % outputs != 0 || rows < 1 || rows > RunConfig.MAX_POINTS || inputs.length != rows * features) {
            throw new CodedError("config.dataset.points", "a custom dataset needs 1 to " + RunConfig.MAX_POINTS + " points with "
                    + features + " input(s) and " + outputs + " target(s) each; got " + targets.length + " targets and "
                    + inputs.length + " inputs", "limit", RunConfig.MAX_POINTS, "features", features, "outputs", outputs,
                    "targets", targets.length, "inputs", inputs.length);
        }
        for (int i = 0; classes != null && i < targets.length; i++) {
            if (targets[i] != Math.floor(targets[i]) || targets[i] < 0 || targets[i] >= classes.length) {
                throw new CodedError("config.dataset.label", "dataset.targets[" + i + "] must be a class index from 0 to "
                        + (classes.length - 1) + ", got " + targets[i], "field", "dataset.targets[" + i + "]",
                        "most", classes.length - 1, "value", targets[i]);
            }
        }
        return new RunConfig.DatasetSpec(RunConfig.DatasetSpec.CUSTOM, targets.length, 0, 0,
                CsvData.of(inputs, features, targets, outputs, classes, columns));
    }

    private static String[] names(Object json, String where) {
        return json == null ? null : JsonFields.strings(json, where);
    }
}
