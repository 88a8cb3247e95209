package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.data.InputFeatures;
import org.nnplayground.math.Trig;
import org.nnplayground.tensor.Tensor;

/** TensorFlow Playground's input features: the first layer sees squares, a product or sines of the two inputs. */
class InputFeaturesRunTest {
    private static final String CIRCLE = "{\"dataset\": {\"name\": \"circle\", \"n\": 200, \"noise\": 0.05, \"seed\": 1},"
            + " \"layers\": [], \"loss\": \"CrossEntropyLoss\", \"optimizers\": [{\"name\": \"Adam\", \"lr\": 0.05}],"
            + " \"batchSize\": 0, \"steps\": 400, \"initSeed\": 1, \"shuffleSeed\": 1%s}";

    private static double accuracy(String json) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(json));
        while (run.step()) {
            // to the end
        }
        return run.evaluate(0)[1];
    }

    @Test
    void eachFeatureIsItsFormulaOfTheTwoInputs() {
        Tensor x = Tensor.of(new double[] {0.5, -2, 3, 0.25}, 2, 2);
        Tensor f = InputFeatures.apply(InputFeatures.NAMES, x);
        assertArrayEquals(new int[] {2, 7}, f.shape());
        assertArrayEquals(new double[] {0.5, -2, 0.25, 4, -1, Trig.sin(0.5), Trig.sin(-2)}, java.util.Arrays.copyOf(f.toArray(), 7));
    }

    @Test
    void aNetworkWithNoHiddenLayerDrawsACircleOnlyWithSquaredFeatures() {
        double plain = accuracy(String.format(CIRCLE, ""));
        double squared = accuracy(String.format(CIRCLE, ", \"inputFeatures\": [\"x1^2\", \"x2^2\"]"));
        assertTrue(plain < 0.75, "a straight line cannot separate a ring: " + plain);
        assertTrue(squared > 0.95, "x1² + x2² can: " + squared);
    }

    @Test
    void theFirstLayerIsAsWideAsTheFeaturesAndTheJsonKeepsThem() {
        RunConfig config = RunConfigJson.parse(String.format(CIRCLE, ", \"inputFeatures\": [\"x1\", \"x1*x2\", \"sin(x2)\"]"));
        assertEquals(3, config.inputWidth());
        assertEquals(3, new TrainingRun(config).network(0).parameters().get(0).size(1));
        assertEquals(List.of("x1", "x1*x2", "sin(x2)"), RunConfigJson.parse(RunConfigJson.write(config)).inputFeatures());
        assertEquals(List.of(), RunConfigJson.parse(String.format(CIRCLE, ", \"inputFeatures\": [\"x1\", \"x2\"]")).inputFeatures(),
                "x1 and x2 are the inputs as they are");
    }

    @Test
    void featuresThatCannotBeMadeAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(
                String.format(CIRCLE, ", \"inputFeatures\": [\"x3\"]"))).getMessage().startsWith("inputFeatures must name some of"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(
                String.format(CIRCLE, ", \"inputFeatures\": [\"x1\", \"x1\"]"))).getMessage().contains("each once"));
        assertEquals("inputFeatures are made from two inputs; this dataset has 1", assertThrows(IllegalArgumentException.class,
                () -> RunConfigJson.parse(Scenarios.json("regression").replace("\"batchSize\"", "\"inputFeatures\":[\"x1\"],\"batchSize\"")))
                .getMessage());
    }
}
