package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.StateDict;
import org.nnplayground.run.Diagnostics;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;

/**
 * The diagnostics panel's figures against real PyTorch: the same weights, data and batches trained by torch.optim,
 * then per layer the weight and gradient norms, the last update's ‖Δw‖ / ‖w‖, the dead ReLU units and the
 * histograms of the layer's outputs and of the loss's gradient with respect to them (retain_grad).
 */
class DiagnosticsOracleIT {
    private static final String REGRESSION = "{\"dataset\": {\"name\": \"parabola\", \"n\": 100, \"noise\": 0.2, \"seed\": 1},"
            + " \"layers\": [{\"units\": 10, \"activation\": \"ReLU\"}], \"loss\": \"MSELoss\","
            + " \"optimizers\": [{\"name\": \"SGD\", \"label\": \"SGD\", \"lr\": 0.05}],"
            + " \"batchSize\": 32, \"steps\": 40, \"initSeed\": 1, \"shuffleSeed\": 1}";
    private static final String CLASSIFICATION = "{\"dataset\": {\"name\": \"circle\", \"n\": 300, \"noise\": 0.1, \"seed\": 2},"
            + " \"layers\": [{\"units\": 16, \"activation\": \"ReLU\"}, {\"units\": 16, \"activation\": \"Tanh\"}],"
            + " \"loss\": \"CrossEntropyLoss\", \"testFraction\": 0.3, \"standardize\": true,"
            + " \"optimizers\": [{\"name\": \"Adam\", \"label\": \"Adam\", \"lr\": 0.02}],"
            + " \"batchSize\": 32, \"steps\": 40, \"initSeed\": 3, \"shuffleSeed\": 4}";
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        TorchOracle.require();
        dir = Files.createTempDirectory("nn-diagnostics");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"regression", "classification"})
    void everyFigureIsPytorchs(String task) throws Exception {
        String config = task.equals("regression") ? REGRESSION : CLASSIFICATION;
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        // Two units of the first layer start dead (a bias far below any input): both sides must find them.
        StateDict init = run.initialStateDict();
        init.get("0.bias").storage()[2] = -50;
        init.get("0.bias").storage()[5] = -50;
        run.startFrom(init);
        Path initFile = write(task + "-init.pt", PytorchExchange.initialWeights(run, WeightFiles.Format.PT, "init"));
        run.startFrom(WeightFiles.read(Files.readAllBytes(initFile))); // both start from the file's float32 values
        Path data = write(task + "-data.pt", PytorchExchange.data(run, "data"));
        Files.writeString(dir.resolve(task + ".json"), config);
        Diagnostics.of(run, 0); // watching from the start: the last update's size is known at the end
        while (run.step()) {
            // the whole short run
        }
        List<?> ours = (List<?>) ((Map<?, ?>) Json.parse(JsonWriter.write(Diagnostics.of(run, 0)))).get("layers");
        List<?> torch = (List<?>) Json.parse(TorchOracle.run(dir, "diagnose", task + ".json", initFile.toString(), data.toString()));
        assertEquals(torch.size(), ours.size());
        for (int l = 0; l < ours.size(); l++) {
            Map<?, ?> mine = (Map<?, ?>) ours.get(l);
            Map<?, ?> theirs = (Map<?, ?>) torch.get(l);
            String layer = task + " layer " + l + " ";
            for (String figure : new String[] {"weightNorm", "gradNorm", "updateRatio"}) {
                assertClose(number(theirs, figure), number(mine, figure), layer + figure);
            }
            assertEquals(theirs.get("deadUnits"), mine.get("deadUnits"), layer + "dead units");
            for (String histogram : new String[] {"activations", "gradients"}) {
                Map<?, ?> a = (Map<?, ?>) mine.get(histogram);
                Map<?, ?> b = (Map<?, ?>) theirs.get(histogram);
                assertClose(number(b, "min"), number(a, "min"), layer + histogram + " min");
                assertClose(number(b, "max"), number(a, "max"), layer + histogram + " max");
                assertEquals(b.get("counts"), a.get("counts"), layer + histogram + " counts");
            }
            System.out.printf("%s: |W| %.4f, |grad| %.3e, update/weight %.2e, dead %s%n", layer, number(mine, "weightNorm"),
                    number(mine, "gradNorm"), number(mine, "updateRatio"), mine.get("deadUnits"));
        }
        List<?> dead = (List<?>) ((Map<?, ?>) torch.get(0)).get("deadUnits");
        assertTrue(dead.containsAll((List<?>) Json.parse("[2, 5]")), "the two units made dead are found: " + dead);
        if (task.equals("classification")) {
            assertNull(((Map<?, ?>) ours.get(1)).get("deadUnits"), "a Tanh layer has no dead units to count");
        }
    }

    private static double number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        assertTrue(value instanceof Number, key + " is " + value);
        return ((Number) value).doubleValue();
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(1e-12, Math.abs(expected));
        assertTrue(Math.abs(actual - expected) / scale < 1e-9, what + ": ours " + actual + ", PyTorch's " + expected);
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
