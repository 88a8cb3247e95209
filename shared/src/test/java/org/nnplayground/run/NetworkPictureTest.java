package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.Linear;
import org.nnplayground.tensor.Tensor;

/** The network view's numbers: each unit's picture is what that unit computes, and the weights are the network's. */
class NetworkPictureTest {
    /** The picture as the page receives it: through JSON text. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> picture(TrainingRun run, double x0, double x1, double y0, double y1, int res) {
        return (Map<String, Object>) Json.parse(JsonWriter.write(NetworkPicture.of(run, 0, x0, x1, y0, y1, res)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> layers(Map<String, Object> picture) {
        return (List<Map<String, Object>>) picture.get("layers");
    }

    /** Unit u's value at point p, as the page reads it: level / 1000 × scale. */
    @SuppressWarnings("unchecked")
    private static double valueAt(Map<String, Object> layer, int u, int p) {
        Map<String, Object> unit = ((List<Map<String, Object>>) layer.get("pictures")).get(u);
        double scale = ((Number) unit.get("scale")).doubleValue();
        return ((Number) ((List<Object>) unit.get("levels")).get(p)).doubleValue() / NetworkPicture.LEVELS * scale;
    }

    @SuppressWarnings("unchecked")
    private static double[] numbers(Object list) {
        return ((List<Object>) list).stream().mapToDouble((v) -> ((Number) v).doubleValue()).toArray();
    }

    @Test
    void everyHiddenUnitsPictureIsItsActivationOverTheGrid() {
        TrainingRun run = new TrainingRun(Scenarios.config("classification"));
        for (int i = 0; i < 30; i++) {
            run.step();
        }
        Map<String, Object> picture = picture(run, -4, 4, -2, 6, 7);
        List<Map<String, Object>> layers = layers(picture);
        assertEquals(List.of("input", "hidden", "output"), layers.stream().map((l) -> l.get("role")).toList());
        assertEquals(List.of("x1", "x2"), layers.get(0).get("labels"));
        assertEquals("ReLU", layers.get(1).get("activation"));
        Linear first = (Linear) run.network(0).get(0);
        double[] w = first.weight().toArray();
        double[] b = first.bias().toArray();
        double largest = 0;
        for (int p = 0; p < 49; p++) {
            double x = -4 + 8.0 * (p % 7) / 6;
            double y = -2 + 8.0 * (p / 7) / 6;
            assertEquals(x, valueAt(layers.get(0), 0, p), 4 * 1e-3 + 1e-12, "input x1 at point " + p);
            for (int u = 0; u < 10; u++) {
                double expected = Math.max(0, w[2 * u] * x + w[2 * u + 1] * y + b[u]);
                double shown = valueAt(layers.get(1), u, p);
                largest = Math.max(largest, Math.abs(expected - shown) / Math.max(1, Math.abs(expected)));
            }
        }
        assertTrue(largest < 1.5e-2, "each unit's picture within its three digits: " + largest);
        assertEquals(Tensor.of(run.predict(0, new double[] {4, 6}), 1, 2).toArray()[1],
                valueAt(layers.get(2), 1, 48), 0.02, "the output units' pictures are the network's outputs");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theWeightsAreTheNetworksWithTheirStateDictNamesAndTheLastGradients() {
        TrainingRun run = new TrainingRun(Scenarios.config("classification"));
        Map<String, Object> before = (Map<String, Object>) layers(picture(run, -1, 1, -1, 1, 3)).get(1).get("weight");
        assertNull(before.get("grad"), "no update yet, no gradient");
        run.step();
        int edges = 0;
        for (Map<String, Object> layer : layers(picture(run, -1, 1, -1, 1, 3)).subList(1, 3)) {
            Map<String, Object> weight = (Map<String, Object>) layer.get("weight");
            Tensor tensor = run.network(0).namedParameters().get((String) weight.get("name"));
            assertEquals(tensor.toArray().length, numbers(weight.get("values")).length);
            assertArrayEquals(tensor.toArray(), numbers(weight.get("values")));
            assertArrayEquals(tensor.grad().toArray(), numbers(weight.get("grad")));
            edges += numbers(weight.get("values")).length;
        }
        assertEquals(2 * 10 + 10 * 2, edges, "an edge per weight");
        assertEquals("0.weight", ((Map<String, Object>) layers(picture(run, -1, 1, -1, 1, 3)).get(1).get("weight")).get("name"));
        assertEquals("2.bias", ((Map<String, Object>) layers(picture(run, -1, 1, -1, 1, 3)).get(2).get("bias")).get("name"));
    }

    @Test
    void oneInputGivesCurvesAlongXAndTheOutputIsTheFit() {
        TrainingRun run = new TrainingRun(Scenarios.config("regression"));
        Map<String, Object> picture = picture(run, -1, 1, 0, 0, 5);
        assertEquals(Boolean.TRUE, picture.get("curve"));
        List<Map<String, Object>> layers = layers(picture);
        assertEquals(List.of("x"), layers.get(0).get("labels"));
        double[] fit = run.predict(0, new double[] {-1, -0.5, 0, 0.5, 1});
        double scale = Math.max(Math.abs(fit[0]), Math.abs(fit[4]));
        for (int p = 0; p < 5; p++) {
            assertEquals(fit[p], valueAt(layers.get(2), 0, p), 1e-3 * scale * 1.01);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theRegressionFitIsTheSumOfItsHiddenUnitsPartsAndTheBias() {
        TrainingRun run = new TrainingRun(Scenarios.config("regression"));
        for (int i = 0; i < 50; i++) {
            run.step();
        }
        Map<String, Object> decomposition = (Map<String, Object>) picture(run, -1, 1, 0, 0, 9).get("decomposition");
        List<Object> parts = (List<Object>) decomposition.get("parts");
        assertEquals(10, parts.size(), "a part per hidden unit");
        double bias = ((Number) decomposition.get("bias")).doubleValue();
        double[] xs = new double[9];
        for (int p = 0; p < 9; p++) {
            xs[p] = -1 + 2.0 * p / 8;
        }
        double[] fit = run.predict(0, xs);
        int bent = 0;
        for (int p = 0; p < 9; p++) {
            double sum = bias;
            for (Object part : parts) {
                sum += numbers(part)[p];
            }
            assertEquals(fit[p], sum, 1e-12, "the parts add up to the fit at x = " + xs[p]);
        }
        for (Object part : parts) {
            double[] values = numbers(part);
            bent += values[0] == 0 || values[8] == 0 ? 1 : 0;
        }
        assertTrue(bent > 0, "some parts are ReLU's bent lines, flat on one side");
        assertNull(picture(new TrainingRun(Scenarios.config("classification")), -1, 1, -1, 1, 3).get("decomposition"),
                "two inputs: no curves to add up");
    }

    @Test
    void aGridOutsideTheLimitsIsRefused() {
        TrainingRun run = new TrainingRun(Scenarios.config("regression"));
        assertThrows(IllegalArgumentException.class, () -> NetworkPicture.of(run, 0, -1, 1, 0, 0, 1));
    }
}
