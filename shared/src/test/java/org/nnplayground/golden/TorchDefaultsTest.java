package org.nnplayground.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.catalog.Option;
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
import org.nnplayground.tensor.Tensor;

/** Our defaults are PyTorch's, as read from its source into torch-defaults.json. */
class TorchDefaultsTest {
    private static final List<Tensor> PARAMS = List.of(Tensor.zeros(2).requiresGrad(true));

    @SuppressWarnings("unchecked")
    @Test
    void theCatalogsOptimizerDefaultsArePytorchs() throws IOException {
        Map<String, Object> optimizers = (Map<String, Object>) GoldenFiles.read("torch-defaults.json").get("optimizers");
        assertEquals(optimizers.keySet(), Set.copyOf(Optimizers.names()), "optimizers in torch-defaults.json");
        for (String name : Optimizers.names()) {
            Map<String, Object> theirs = (Map<String, Object>) ((Map<String, Object>) optimizers.get(name)).get("defaults");
            for (Option option : Optimizers.get(name, name).options()) {
                Object expected = theirs.get(option.name());
                assertEquals("<required>".equals(expected) ? null : expected, option.defaultValue(), name + " " + option.name());
            }
        }
    }

    @Test
    void anOptimizerBuiltFromTheCatalogRunsWithThoseDefaults() {
        for (String name : Optimizers.names()) {
            Map<String, Object> given = name.equals("SGD") ? Map.of("lr", 0.5) : Map.of();
            Optimizer built = Optimizers.create(name, PARAMS, given);
            Map<String, Object> used = Optimizers.kwargs(name, built.hyperparameters());
            for (Option option : Optimizers.get(name, name).options()) {
                Object expected = given.containsKey(option.name()) ? given.get(option.name()) : option.defaultValue();
                assertEquals(expected, used.get(option.name()), name + " " + option.name());
            }
        }
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
