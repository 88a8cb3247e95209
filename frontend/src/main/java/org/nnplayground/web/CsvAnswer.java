package org.nnplayground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.CsvLimits;
import org.nnplayground.data.CsvReader;
import org.nnplayground.json.JsonWriter;

/**
 * Reads CSV text with the core's strict reader, for the page's preview: what each column became, the
 * parsed values ready for a custom dataset, or the reader's message naming the row and column.
 */
final class CsvAnswer {
    private CsvAnswer() {
    }

    /** @param targetColumns 0 for the default reading, k for regression on the last k columns (see CsvReader) */
    static String read(String text, int maxRows, int targetColumns) {
        CsvData data = CsvReader.read(text, CsvLimits.DEFAULT.withMaxRows(maxRows), targetColumns);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", data.rows());
        out.put("header", data.hasHeader());
        out.put("columns", List.of(data.columns()));
        out.put("roles", data.columnRoles());
        out.put("classes", data.isClassification() ? List.of(data.classes()) : null);
        out.put("features", data.features());
        out.put("outputs", data.outputs());
        out.put("inputs", data.inputs());
        out.put("targets", data.targets());
        return JsonWriter.write(out);
    }
}
