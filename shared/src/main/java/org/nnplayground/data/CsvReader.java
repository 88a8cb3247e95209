package org.nnplayground.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nnplayground.text.CodedError;

/**
 * Reads a dataset from CSV text, strictly. By default two columns ({@code x, y}) make a regression set, and three or
 * more ({@code x1, x2, ..., label}) a classification set whose labels (the last column) may be integers or names;
 * asked for {@code k} target columns, the last k columns are a regression's targets and the others its inputs. A
 * first row whose inputs are not numbers is a header. Every problem is an {@link IllegalArgumentException} naming
 * the row (the file's line number) and the column, and nothing is returned half-read.
 */
public final class CsvReader {
    /** The most columns a file may have (inputs and targets). */
    public static final int MAX_COLUMNS = 32;

    private CsvReader() {
    }

    /** Two columns: regression on x, y; more: classification on the last column. */
    public static CsvData read(String text, CsvLimits limits) {
        return read(text, limits, 0);
    }

    /**
     * @param targetColumns 0 for the default reading; k ≥ 1 for regression with the last k columns as targets
     */
    public static CsvData read(String text, CsvLimits limits, int targetColumns) {
        if (text == null || text.isBlank()) {
            throw new CodedError("csv.empty", "the file is empty");
        }
        if (text.length() > limits.maxBytes) {
            throw new CodedError("csv.tooLarge", "the file is larger than " + limits.maxBytes + " characters", "limit", limits.maxBytes);
        }
        // A byte-order mark (spreadsheet programs write one) is not part of the first value: with it, "1,2" read as a header.
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        checkText(text);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("row " + lines(text.substring(0, text.indexOf('\0'))).size()
                    + " holds a NUL character; CSV is text");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] rawLines = lines(text).toArray(new String[0]);
        char delimiter = delimiter(rawLines);
        for (int i = 0; i < rawLines.length; i++) {
            String line = rawLines[i];
            if (line.length() > limits.maxLineLength) {
                throw new CodedError("csv.longRow", "row " + (i + 1) + " is longer than " + limits.maxLineLength + " characters",
                        "row", i + 1, "limit", limits.maxLineLength);
            }
            if (line.isBlank()) {
                continue;
            }
            rows.add(fields(line, delimiter, i + 1));
            lines.add(i + 1);
            if (rows.size() > limits.maxRows + 1) {
                throw tooManyRows(limits);
            }
        }
        int columns = rows.get(0).length;
        if (columns < 2 || columns > MAX_COLUMNS) {
            throw new CodedError("csv.columns", "row " + lines.get(0) + " has " + columns + " columns; a dataset has 2 to "
                    + MAX_COLUMNS + ": inputs, then the target (x, y for regression; x1, x2, ..., label for classification)",
                    "row", lines.get(0), "columns", columns, "limit", MAX_COLUMNS);
        }
        if (targetColumns < 0 || targetColumns >= columns) {
            throw new CodedError("csv.targets", "with " + columns + " columns, the targets can be 1 to " + (columns - 1)
                    + " of them (at least one column is an input), not " + targetColumns,
                    "columns", columns, "most", columns - 1, "targets", targetColumns);
        }
        boolean regression = targetColumns > 0 || columns == 2;
        int outputs = targetColumns > 0 ? targetColumns : 1;
        int features = columns - outputs;
        boolean header = !isNumber(rows.get(0)[0]) && !rows.get(0)[0].isEmpty();
        String[] names = header ? trimmed(rows.get(0)) : CsvData.defaultNames(features, outputs, !regression);
        int first = header ? 1 : 0;
        int count = rows.size() - first;
        if (count == 0) {
            throw new CodedError("csv.headerOnly", "the file has a header but no data rows");
        }
        if (count > limits.maxRows) {
            throw tooManyRows(limits);
        }
        double[] inputs = new double[count * features];
        double[] values = new double[count * outputs];
        String[] labels = new String[count];
        for (int r = 0; r < count; r++) {
            String[] row = rows.get(first + r);
            int line = lines.get(first + r);
            if (row.length != columns) {
                throw new CodedError("csv.rowColumns", "row " + line + " has " + row.length + " columns, but the file has "
                        + columns + " (" + String.join(", ", names) + ")", "row", line, "found", row.length, "columns", columns,
                        "names", String.join(", ", names));
            }
            for (int c = 0; c < features; c++) {
                inputs[r * features + c] = number(row[c], line, c, names[c]);
            }
            if (regression) {
                for (int c = 0; c < outputs; c++) {
                    values[r * outputs + c] = number(row[features + c], line, features + c, names[features + c]);
                }
                continue;
            }
            labels[r] = row[features].trim();
            if (labels[r].isEmpty()) {
                throw new CodedError("csv.missing", "row " + line + ", column " + columns + " (" + names[features]
                        + "): missing value", "row", line, "column", columns, "name", names[features]);
            }
        }
        if (regression) {
            return new CsvData(names, header, inputs, features, values, outputs, null);
        }
        String[] classes = classes(labels, limits, columns, names[features]);
        double[] targets = new double[count];
        List<String> order = List.of(classes);
        for (int r = 0; r < count; r++) {
            targets[r] = order.indexOf(labels[r]);
        }
        return new CsvData(names, header, inputs, features, targets, 1, classes);
    }

    private static CodedError tooManyRows(CsvLimits limits) {
        return new CodedError("csv.tooManyRows", "the file has more than " + limits.maxRows + " rows (the limit is "
                + limits.maxRows + ")", "limit", limits.maxRows);
    }

    /** Class names in order: integers by value, names alphabetically; two or more, and not too many. */
    private static String[] classes(String[] labels, CsvLimits limits, int column, String name) {
        Set<String> distinct = new LinkedHashSet<>(List.of(labels));
        List<String> sorted = new ArrayList<>(distinct);
        boolean integers = true;
        for (String label : sorted) {
            integers &= isSmallInteger(label);
        }
        if (integers) {
            sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        } else {
            Collections.sort(sorted);
        }
        if (sorted.size() < 2) {
            throw new CodedError("csv.oneClass", "column " + column + " (" + name + ") has only one class, \"" + sorted.get(0)
                    + "\"; classification needs at least two (for regression, say how many target columns there are)",
                    "column", column, "name", name, "label", sorted.get(0));
        }
        if (sorted.size() > limits.maxClasses) {
            throw new CodedError("csv.manyClasses", "column " + column + " (" + name + ") has " + sorted.size()
                    + " classes; the limit is " + limits.maxClasses + " (for regression, say how many target columns there are)",
                    "column", column, "name", name, "classes", sorted.size(), "limit", limits.maxClasses);
        }
        return sorted.toArray(new String[0]);
    }

    /**
     * The lines of the text, ended by CR LF, LF or CR (the last may be empty). A plain scan: a regular expression
     * here would put Java's regex engine into the browser engines (a sixth of the JavaScript build).
     */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** An optional minus and 1 to 9 digits: a label read as a whole number. */
    private static boolean isSmallInteger(String s) {
        int digits = s.startsWith("-") ? s.length() - 1 : s.length();
        if (digits < 1 || digits > 9) {
            return false;
        }
        for (int i = s.length() - digits; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A binary file shows NUL bytes or many control characters early on. */
    private static void checkText(String text) {
        int end = Math.min(text.length(), 4096);
        int control = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\uFFFD') {
                control += 100;
            } else if (c < 32 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        if (control * 100 > end || control >= 100) {
            throw new CodedError("csv.binary", "this looks like a binary file, not CSV text");
        }
    }

    /** Comma unless the first line has none and has tabs or semicolons. */
    private static char delimiter(String[] lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                if (line.indexOf(',') >= 0) {
                    return ',';
                }
                return line.indexOf('\t') >= 0 ? '\t' : line.indexOf(';') >= 0 ? ';' : ',';
            }
        }
        return ',';
    }

    /** The fields of one line; a field may be quoted ("a, b"), with "" for a quote inside. */
    private static String[] fields(String line, char delimiter, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == delimiter) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CodedError("csv.quote", "row " + lineNumber + ": a quoted field is not closed", "row", lineNumber);
        }
        out.add(field.toString());
        return out.toArray(new String[0]);
    }

    private static String[] trimmed(String[] row) {
        String[] out = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i].trim().isEmpty() ? "column " + (i + 1) : row[i].trim();
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Only digits, sign, point and exponent: Java's parser also takes "1d", "0x1p3" or "Infinity", which no CSV
     * means as numbers. A plain scan, because this runs for every field of the file.
     */
    private static boolean decimalCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    private static double number(String raw, int line, int column, String name) {
        String s = raw.trim();
        String where = "row " + line + ", column " + (column + 1) + " (" + name + "): ";
        if (s.isEmpty()) {
            throw new CodedError("csv.missing", where + "missing value", "row", line, "column", column + 1, "name", name);
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            String shown = s.length() > 20 ? s.substring(0, 20) + "…" : s;
            throw new CodedError("csv.notNumber", where + "\"" + shown + "\" is not a number", "row", line, "column", column + 1,
                    "name", name, "value", shown);
        }
        if (!Double.isFinite(v) || !decimalCharacters(s)) {
            throw new CodedError("csv.notFinite", where + "\"" + s + "\" is not a finite number", "row", line, "column", column + 1,
                    "name", name, "value", s);
        }
        return v;
    }
}
