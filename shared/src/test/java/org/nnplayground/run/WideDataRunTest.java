package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.CsvLimits;
import org.nnplayground.data.CsvReader;

/** Data of your own with more columns: regression on several inputs and outputs, classification on any number of inputs. */
class WideDataRunTest {
    /** 60 rows of x1, x2, x3 and two targets, y1 = x1·x2 + x3, y2 = sin(x1) − x3. */
    static String regressionCsv() {
        StringBuilder csv = new StringBuilder("a,b,c,sum,wave\n");
        Random random = new Random(4);
        for (int i = 0; i < 60; i++) {
            double a = random.nextDouble() * 2 - 1;
            double b = random.nextDouble() * 2 - 1;
            double c = random.nextDouble() * 2 - 1;
            csv.append(a).append(',').append(b).append(',').append(c).append(',').append(a * b + c).append(',')
                    .append(Math.sin(3 * a) - c).append('\n');
        }
        return csv.toString();
    }

    private static String config(CsvData data, String loss) {
        return "{\"dataset\":" + datasetJson(data) + ",\"layers\":[{\"units\":16,\"activation\":\"Tanh\"}],\"loss\":\"" + loss
                + "\",\"optimizers\":[{\"name\":\"Adam\",\"lr\":0.02}],\"batchSize\":20,\"epochs\":60}";
    }

    private static String datasetJson(CsvData data) {
        return org.nnplayground.json.JsonWriter.write(Map.of("name", "custom", "inputs", data.inputs(), "targets", data.targets(),
                "features", data.features(), "outputs", data.outputs(), "columns", List.of(data.columns()),
                "classes", data.isClassification() ? List.of(data.classes()) : List.of()))
                .replace(",\"classes\":[]", "").replace("\"classes\":[],", "");
    }

    private static TrainingRun trained(String config) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        while (run.step()) {
            // to the end
        }
        return run;
    }

    @Test
    void csvColumnsAreReadAsAskedInputsFirstTargetsLast() {
        CsvData regression = CsvReader.read(regressionCsv(), CsvLimits.DEFAULT, 2);
        assertEquals(3, regression.features());
        assertEquals(2, regression.outputs());
        assertEquals(60, regression.rows());
        assertEquals(List.of("a: input", "b: input", "c: input", "sum: target", "wave: target"), regression.columnRoles());
        CsvData again = CsvReader.read(regression.toCsv(), CsvLimits.DEFAULT, 2);
        assertArrayEquals(regression.targets(), again.targets(), 0);
        CsvData classes = CsvReader.read("1,2,3,4,a\n5,6,7,8,b\n9,1,2,3,a\n", CsvLimits.DEFAULT);
        assertEquals(4, classes.features());
        assertEquals(List.of("x1: input", "x2: input", "x3: input", "x4: input", "label: 2 classes (a = 0, b = 1)"),
                classes.columnRoles());
        String tooMany = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read("1,2,3\n4,5,6\n", CsvLimits.DEFAULT, 3)).getMessage();
        assertTrue(tooMany.contains("at least one column is an input"), tooMany);
        StringBuilder measured = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            measured.append(i).append(',').append(2 * i).append(',').append(i * 0.37).append('\n');
        }
        String floats = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(measured.toString(), CsvLimits.DEFAULT)).getMessage();
        assertTrue(floats.contains("say how many target columns"), floats);
    }

    @Test
    void aRegressionOnThreeInputsLearnsBothOfItsTargets() {
        CsvData data = CsvReader.read(regressionCsv(), CsvLimits.DEFAULT, 2);
        TrainingRun run = trained(config(data, "MSELoss"));
        assertEquals(2, run.config().outputWidth());
        double[] losses = run.lossHistory(0);
        assertTrue(run.evaluate(0)[0] < 0.1 * losses[0], "from " + losses[0] + " to " + run.evaluate(0)[0]);
        assertEquals(4, run.predict(0, new double[] {0.1, 0.2, 0.3, -0.5, 0.5, 0}).length, "two rows, two outputs each");
        assertEquals(List.of("a", "b", "c"), ((Map<?, ?>) ((List<?>) NetworkPicture.of(run, 0, -1, 1, -1, 1, 10).get("layers"))
                .get(0)).get("labels"));
        assertEquals(false, NetworkPicture.of(run, 0, -1, 1, -1, 1, 10).get("pictured"));
        String grid = assertThrows(IllegalArgumentException.class, () -> DecisionGrid.of(run, 0, -1, 1, -1, 1, 10)).getMessage();
        assertTrue(grid.contains("3 inputs and 2 outputs"), grid);
        RunConfig config = run.config();
        assertEquals(RunConfigJson.write(config), RunConfigJson.write(RunConfigJson.parse(RunConfigJson.write(config))));
        assertEquals(5, PytorchExchange.dataTensors(run).get("x").shape()[1] + PytorchExchange.dataTensors(run).get("y").shape()[1]);
    }

    @Test
    void aClassificationOnFourInputsLearnsItsThreeClasses() {
        StringBuilder csv = new StringBuilder();
        Random random = new Random(5);
        for (int i = 0; i < 90; i++) {
            int k = i % 3;
            csv.append(k + random.nextGaussian() * 0.3).append(',').append(random.nextGaussian()).append(',')
                    .append(-k + random.nextGaussian() * 0.3).append(',').append(random.nextGaussian()).append(',')
                    .append(new String[] {"red", "green", "blue"}[k]).append('\n');
        }
        CsvData data = CsvReader.read(csv.toString(), CsvLimits.DEFAULT);
        TrainingRun run = trained(config(data, "CrossEntropyLoss"));
        assertEquals(3, run.config().outputWidth());
        assertTrue(run.evaluate(0)[1] > 0.9, "accuracy " + run.evaluate(0)[1]);
        assertFalse(RunConfigJson.write(run.config()).contains("\"outputs\""));
    }

    @Test
    void aDatasetWhoseShapeDoesNotAddUpIsRefused() {
        String base = "{\"dataset\":{\"name\":\"custom\",\"inputs\":[1,2,3,4,5,6],\"targets\":[1,2,3]%s},\"layers\":[],"
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"steps\":1}";
        assertEquals(2, RunConfigJson.parse(String.format(base, ",\"features\":2")).inputWidth());
        String odd = assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(String.format(base, ",\"features\":2,\"outputs\":2"))).getMessage();
        assertTrue(odd.contains("2 input(s) and 2 target(s)"), odd);
        String classes = assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(String.format(base, ",\"outputs\":2,\"classes\":[\"a\",\"b\"]"))).getMessage();
        assertTrue(classes.contains("dataset.outputs is for regression"), classes);
    }
}
