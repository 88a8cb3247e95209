package org.nnplayground.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.data.DataLoader;
import org.nnplayground.data.Datasets;
import org.nnplayground.loss.BCEWithLogitsLoss;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.Softplus;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.optim.Optimizers;
import org.nnplayground.tensor.Tensor;

/** Our defaults are PyTorch's, as read from its source into torch-defaults.json. */
class TorchDefaultsTest {
    private static final List<Tensor> PARAMS = List.of(Tensor.zeros(2).requiresGrad(true));

    @SuppressWarnings("unchecked")
    @Test
    void optimizerDefaultsMatchPytorch() throws IOException {
        Map<String, Object> optimizers = (Map<String, Object>) GoldenFiles.read("torch-defaults.json").get("optimizers");
        assertEquals(Optimizers.names().size(), optimizers.size(), "optimizers in torch-defaults.json");
        for (String name : Optimizers.names()) {
            Map<String, Object> defaults = (Map<String, Object>) ((Map<String, Object>) optimizers.get(name)).get("defaults");
            Map<String, Double> given = "<required>".equals(defaults.get("lr")) ? Map.of("lr", 0.5) : Map.of();
            Optimizer optimizer = Optimizers.create(name, PARAMS, given);
            Map<String, Double> ours = optimizer.hyperparameters();
            Map<String, Double> theirs = OptimizerCases.hyperparameters(relevant(defaults, ours));
            if (given.isEmpty()) {
                assertEquals(theirs.get("lr"), ours.get("lr"), name + " lr");
            }
            for (Map.Entry<String, Double> entry : theirs.entrySet()) {
                assertEquals(entry.getValue(), ours.get(entry.getKey()), name + " " + entry.getKey());
            }
            assertFalse(theirs.isEmpty());
        }
    }

    /** PyTorch's defaults minus the flags we do not model (foreach, maximize, ...) and a required lr. */
    private static Map<String, Object> relevant(Map<String, Object> defaults, Map<String, Double> ours) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : defaults.entrySet()) {
            String key = entry.getKey();
            boolean modelled = ours.containsKey(key) || key.equals("betas");
            if (modelled && !"<required>".equals(entry.getValue())) {
                kept.put(key, entry.getValue());
            }
        }
        return kept;
    }

    @Test
    void requiredSgdLearningRateHasNoDefault() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("SGD", PARAMS, Map.of()));
    }

    @SuppressWarnings("unchecked")
    @Test
    void moduleLossAndLoaderDefaultsMatchPytorch() throws IOException {
        Map<String, Object> other = (Map<String, Object>) GoldenFiles.read("torch-defaults.json").get("other_defaults");
        assertEquals(((Map<String, Object>) other.get("LeakyReLU")).get("negative_slope"), new LeakyReLU().negativeSlope());
        assertEquals(((Map<String, Object>) other.get("ELU")).get("alpha"), new ELU().alpha());
        assertEquals(((Map<String, Object>) other.get("GELU")).get("approximate"), new GELU().approximate());
        Map<String, Object> softplus = (Map<String, Object>) other.get("Softplus");
        assertEquals(softplus.get("beta"), new Softplus().beta());
        assertEquals(softplus.get("threshold"), new Softplus().threshold());
        assertEquals(((Map<String, Object>) other.get("MSELoss")).get("reduction"), new MSELoss().reduction().pythonName());
        assertEquals(((Map<String, Object>) other.get("CrossEntropyLoss")).get("reduction"),
                new CrossEntropyLoss().reduction().pythonName());
        assertEquals(((Map<String, Object>) other.get("BCEWithLogitsLoss")).get("reduction"),
                new BCEWithLogitsLoss().reduction().pythonName());
        Map<String, Object> loader = (Map<String, Object>) other.get("DataLoader");
        DataLoader defaults = new DataLoader(Datasets.line());
        assertEquals(((Double) loader.get("batch_size")).intValue(), defaults.batchSize());
        assertEquals(loader.get("shuffle"), defaults.shuffles());
        assertEquals(loader.get("drop_last"), defaults.dropsLast());
    }
}
