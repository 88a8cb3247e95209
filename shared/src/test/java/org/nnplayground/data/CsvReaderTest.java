package org.nnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader takes the two dataset shapes and refuses every bad file with the row and column. */
class CsvReaderTest {
    private static CsvData read(String text) {
        return CsvReader.read(text, CsvLimits.DEFAULT);
    }

    private static void refused(String text, String message) {
        refused(text, CsvLimits.DEFAULT, message);
    }

    private static void refused(String text, CsvLimits limits, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> CsvReader.read(text, limits)).getMessage());
    }

    @Test
    void twoColumnsAreRegressionWithOrWithoutAHeader() {
        CsvData plain = read("0.5,1\n-1,2.5e-1\n");
        assertFalse(plain.isClassification());
        assertFalse(plain.hasHeader());
        assertArrayEquals(new double[] {0.5, -1}, plain.inputs());
        assertArrayEquals(new double[] {1, 0.25}, plain.targets());
        CsvData named = read("size,price\r\n1,2\r\n3,4\r\n\r\n");
        assertTrue(named.hasHeader());
        assertEquals(List.of("size: input", "price: target"), named.columnRoles());
        assertEquals("size,price\n1,2\n3,4\n", named.toCsv());
    }

    /** A byte-order mark before a numeric first row is not a header; a NUL anywhere (not only early on) is refused. */
    @Test
    void aByteOrderMarkIsSkippedAndNulIsRefusedAnywhere() {
        CsvData marked = read("\uFEFF1,2\n3,4\n5,6\n");
        assertFalse(marked.hasHeader());
        assertArrayEquals(new double[] {1, 3, 5}, marked.inputs());
        assertTrue(read("\uFEFFsize,price\n1,2\n").hasHeader());
        StringBuilder late = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 1000; i++) {
            late.append(i).append(",1,a\n"); // past the first 4,096 characters, which the binary check reads
        }
        late.append("1,2,b\0c\n");
        refused(late.toString(), "row 1002 holds a NUL character; CSV is text");
    }

    @Test
    void threeColumnsAreClassificationWithNamedOrNumberedLabels() {
        CsvData named = read("a,b,species\n1,2,versicolor\n3,4,setosa\n5,6,\"setosa\"\n7,8,virginica\n");
        assertArrayEquals(new String[] {"setosa", "versicolor", "virginica"}, named.classes());
        assertArrayEquals(new double[] {1, 0, 0, 2}, named.targets());
        assertEquals("species: 3 classes (setosa = 0, versicolor = 1, virginica = 2)", named.columnRoles().get(2));
        CsvData numbered = read("1\t2\t10\n3\t4\t2\n5\t6\t10\n");
        assertArrayEquals(new String[] {"2", "10"}, numbered.classes(), "integers in numeric order");
        assertArrayEquals(new double[] {1, 0, 1}, numbered.targets());
        assertEquals(read(named.toCsv()).toCsv(), named.toCsv(), "CSV round trip");
    }

    @Test
    void everyBadFileIsNamedByRowAndColumn() {
        refused("", "the file is empty");
        refused(" \n\n", "the file is empty");
        refused("x,y\n1,abc\n", "row 2, column 2 (y): \"abc\" is not a number");
        refused("x,y\n1,2\n,3\n", "row 3, column 1 (x): missing value");
        refused("x1,x2,label\n1,2,a\n3,4,\n", "row 3, column 3 (label): missing value");
        refused("x,y\n1,2\n3,4,5\n", "row 3 has 3 columns, but the file has 2 (x, y)");
        refused("1,2,3,4\n", "column 4 (label) has only one class, \"4\"; classification needs at least two (for regression, say how many target columns there are)");
        refused("1\n2\n", "row 1 has 1 columns; a dataset has 2 to 32: inputs, then the target (x, y for regression; x1, x2, ..., label for classification)");
        refused("1,2,a\n3,4,a\n", "column 3 (label) has only one class, \"a\"; classification needs at least two (for regression, say how many target columns there are)");
        refused("x,y\n", "the file has a header but no data rows");
        refused("x,y\n1,NaN\n", "row 2, column 2 (y): \"NaN\" is not a finite number");
        refused("x,y\n1,1e999\n", "row 2, column 2 (y): \"1e999\" is not a finite number");
        refused("x,y\n1,\"2\n", "row 2: a quoted field is not closed");
        refused("PK\u0003\u0004\u0000\u0000\u0001binary", "this looks like a binary file, not CSV text");
        refused("x,y\n1," + "9".repeat(2000) + "\n", "row 2 is longer than 1000 characters");
        refused("x,y\n1,2\n3,4\n5,6\n", CsvLimits.DEFAULT.withMaxRows(2), "the file has more than 2 rows (the limit is 2)");
        refused("1,2\n".repeat(10), CsvLimits.DEFAULT.withMaxRows(5), "the file has more than 5 rows (the limit is 5)");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            many.append(i).append(',').append(i).append(",c").append(i).append('\n');
        }
        refused(many.toString(), "column 3 (label) has 12 classes; the limit is 10 (for regression, say how many target columns there are)");
    }
}
