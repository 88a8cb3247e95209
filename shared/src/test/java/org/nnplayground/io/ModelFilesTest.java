package org.nnplayground.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.course.Net;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.Identity;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.PReLU;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.Sigmoid;
import org.nnplayground.nn.Softplus;
import org.nnplayground.nn.Tanh;
import org.nnplayground.optim.Adam;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/** Checkpoints and state dicts round-trip exactly; every kind of corrupt file is refused by name. */
class ModelFilesTest {
    private final Generator generator = new Generator(11);
    private final Tensor x = Tensor.randn(new Generator(1), 7, 2);

    private Sequential everyLayer() {
        PReLU learned = new PReLU(5, 0.1);
        learned.weight().storage()[2] = -0.4; // a learned slope, not the initial one: the checkpoint must carry it
        return new Sequential(new Linear(2, 6, generator), new LeakyReLU(0.2), new Linear(6, 5, false, generator),
                new ELU(0.5), new GELU("tanh"), new Softplus(2, 10), learned, new PReLU(), new Tanh(), new Sigmoid(),
                new Identity(), new ReLU(), new Linear(5, 1, generator));
    }

    @Test
    void checkpointRestoresArchitectureAndWeightsBitForBit() {
        Sequential model = everyLayer();
        Module restored = CheckpointFile.read(CheckpointFile.write(model)).model();
        assertEquals(model.toString(), restored.toString());
        assertArrayEquals(model.forward(x).toArray(), restored.forward(x).toArray());
    }

    @Test
    void anArchitectureDescribedInMemoryBuildsAgainWithoutJson() {
        Sequential model = everyLayer();
        Module rebuilt = Architecture.build(Architecture.describe(model), new Generator(5));
        assertEquals(model.toString(), rebuilt.toString());
    }

    @Test
    void customNetCheckpointRestoresTheNet() {
        Net net = new Net(2, 10, 2, generator);
        Module restored = CheckpointFile.read(CheckpointFile.write(net)).model();
        assertTrue(restored instanceof Net);
        assertArrayEquals(net.forward(x).toArray(), restored.forward(x).toArray());
    }

    @Test
    void stateDictLoadsIntoAFreshModelOfTheSameArchitecture() {
        Sequential model = everyLayer();
        Sequential fresh = new Sequential(new Linear(2, 6, new Generator(99)), new LeakyReLU(0.2),
                new Linear(6, 5, false, new Generator(98)), new ELU(0.5), new GELU("tanh"), new Softplus(2, 10),
                new PReLU(5, 0.25), new PReLU(), new Tanh(), new Sigmoid(), new Identity(), new ReLU(),
                new Linear(5, 1, new Generator(97)));
        fresh.loadStateDict(StateDictFile.read(StateDictFile.write(model.stateDict())));
        assertArrayEquals(model.forward(x).toArray(), fresh.forward(x).toArray());
    }

    @Test
    void optimizerStateAndConfigTravelInTheCheckpoint() {
        Net net = new Net(2, 4, 1, generator);
        Optimizer adam = new Adam(net.parameters(), new Adam.Options().lr(0.01));
        for (int i = 0; i < 3; i++) {
            adam.zeroGrad();
            net.forward(x).sum().backward();
            adam.step();
        }
        Checkpoint checkpoint = CheckpointFile.read(CheckpointFile.write(net, adam, Map.of("seed", 3.0)));
        Optimizer restored = OptimizerJson.read(checkpoint.optimizer(), checkpoint.model().parameters());
        assertEquals("Adam", restored.typeName());
        assertEquals(3, restored.state(0).step());
        assertArrayEquals(adam.state(2).buffer("exp_avg_sq"), restored.state(2).buffer("exp_avg_sq"));
        assertEquals(adam.hyperparameters(), restored.hyperparameters());
        assertEquals(Map.of("seed", 3.0), checkpoint.config());
    }

    /** Every optimizer of the catalog, with its options: a resumed run makes the same next step as the original. */
    @Test
    void everyOptimizersStateTravelsAndTheNextStepIsTheSame() {
        for (String name : Optimizers.names()) {
            Net net = new Net(2, 4, 1, new Generator(5));
            Map<String, Object> kwargs = new java.util.HashMap<>(Map.of("lr", 0.01));
            if (name.equals("Rprop")) {
                kwargs.put("etas", List.of(0.4, 1.5));
            }
            if (Optimizers.get(name, name).options().stream().anyMatch(o -> o.name().equals("maximize"))) {
                kwargs.put("maximize", true);
            }
            Optimizer optimizer = Optimizers.create(name, net.parameters(), kwargs);
            for (int i = 0; i < 3; i++) {
                optimizer.zeroGrad();
                net.forward(x).pow(2).sum().backward();
                optimizer.step();
            }
            Checkpoint checkpoint = CheckpointFile.read(CheckpointFile.write(net, optimizer, Map.of()));
            Module model = checkpoint.model();
            Optimizer restored = OptimizerJson.read(checkpoint.optimizer(), model.parameters());
            assertEquals(optimizer.hyperparameters(), restored.hyperparameters(), name);
            for (Optimizer o : List.of(optimizer, restored)) {
                o.zeroGrad();
            }
            net.forward(x).pow(2).sum().backward();
            model.forward(x).pow(2).sum().backward();
            optimizer.step();
            restored.step();
            assertArrayEquals(net.stateDict().get("hidden.weight").toArray(), model.stateDict().get("hidden.weight").toArray(),
                    name + ": the resumed step is the original's");
        }
    }

    @Test
    void doublesSurviveTheRoundTripExactly() {
        double[] awkward = {0.1, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1e-300, 123456789.123456789};
        Tensor t = TensorJson.read(Json.parse(JsonWriter.write(TensorJson.write(Tensor.of(awkward)))), "t");
        assertArrayEquals(awkward, t.toArray());
    }

    private static String message(Runnable read) {
        return assertThrows(IllegalArgumentException.class, read::run).getMessage();
    }

    private String validCheckpoint() {
        return CheckpointFile.write(new Sequential(new Linear(1, 2, generator), new ReLU(), new Linear(2, 1, generator)));
    }

    @Test
    void truncatedFileIsRefused() {
        String text = validCheckpoint();
        assertTrue(message(() -> CheckpointFile.read(text.substring(0, text.length() / 2))).contains("truncated"));
    }

    @Test
    void emptyFileIsRefused() {
        assertTrue(message(() -> CheckpointFile.read("  ")).contains("empty"));
    }

    @Test
    void notJsonIsRefused() {
        assertTrue(message(() -> CheckpointFile.read("\u0000\u0001PK binary")).contains("invalid JSON"));
    }

    @Test
    void wrongFormatIsRefused() {
        String text = validCheckpoint().replace(CheckpointFile.FORMAT, "something-else");
        assertTrue(message(() -> CheckpointFile.read(text)).contains("format"));
        String stateDict = StateDictFile.write(new Linear(1, 1, generator).stateDict());
        assertTrue(message(() -> CheckpointFile.read(stateDict)).contains("not a nn-playground/checkpoint"));
    }

    @Test
    void wrongVersionIsRefused() {
        String text = validCheckpoint().replace("\"version\":1", "\"version\":2");
        assertTrue(message(() -> CheckpointFile.read(text)).contains("version 2.0"));
    }

    @Test
    void unknownKeyIsRefused() {
        String text = validCheckpoint().replace("\"version\":1", "\"version\":1,\"extra\":true");
        assertTrue(message(() -> CheckpointFile.read(text)).contains("unknown key \"extra\""));
    }

    @Test
    void missingStateDictIsRefused() {
        String text = "{\"format\":\"nn-playground/checkpoint\",\"version\":1,\"architecture\":{\"type\":\"ReLU\"}}";
        assertTrue(message(() -> CheckpointFile.read(text)).contains("missing the key \"state_dict\""));
    }

    @Test
    void wrongShapeIsRefusedByName() {
        String text = validCheckpoint().replaceFirst("\"shape\":\\[2,1\\]", "\"shape\":[1,2]");
        String error = message(() -> CheckpointFile.read(text));
        assertTrue(error.contains("size mismatch for 0.weight"), error);
    }

    @Test
    void dataThatDoesNotFitItsShapeIsRefused() {
        String text = validCheckpoint().replaceFirst("\"shape\":\\[2,1\\]", "\"shape\":[3,1]");
        assertTrue(message(() -> CheckpointFile.read(text)).contains("shape torch.Size([3, 1]) (3 values) but 2 data values"));
    }

    @Test
    void wrongValueTypeIsRefused() {
        String text = validCheckpoint().replaceFirst("\"data\":\\[[-0-9.eE]+", "\"data\":[\"x\"");
        assertTrue(message(() -> CheckpointFile.read(text)).contains("must be a number"));
    }

    @Test
    void unknownModuleTypeIsRefused() {
        String text = validCheckpoint().replace("\"type\":\"ReLU\"", "\"type\":\"os.system\"");
        assertTrue(message(() -> CheckpointFile.read(text)).contains("not a known module type"));
    }

    @Test
    void missingAndUnexpectedKeysAreNamedLikePytorch() {
        Sequential model = new Sequential(new Linear(1, 2, generator), new ReLU(), new Linear(2, 1, generator));
        String other = StateDictFile.write(new Net(1, 2, 1, generator).stateDict());
        String error = message(() -> model.loadStateDict(StateDictFile.read(other)));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tMissing key(s) in state_dict: \"0.weight\", \"0.bias\", \"2.weight\", \"2.bias\". \n"
                + "\tUnexpected key(s) in state_dict: \"hidden.weight\", \"hidden.bias\", \"predict.weight\", \"predict.bias\". ",
                error);
    }

    @Test
    void aRefusedStateDictLeavesTheModelUntouched() {
        Sequential model = new Sequential(new Linear(1, 2, generator), new ReLU(), new Linear(2, 1, generator));
        double[] before = model.forward(x.reshape(-1, 1)).toArray();
        Sequential wider = new Sequential(new Linear(1, 3, generator), new ReLU(), new Linear(3, 1, generator));
        assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(wider.stateDict()));
        assertArrayEquals(before, model.forward(x.reshape(-1, 1)).toArray());
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertTrue(message(() -> Json.parse(deep)).contains("nesting deeper"));
    }

    @Test
    void duplicateKeysAndTrailingCommasAreRefused() {
        assertTrue(message(() -> Json.parse("{\"a\":1,\"a\":2}")).contains("duplicate key"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,2,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":NaN}"));
    }

    @Test
    void nonFiniteWeightsCannotBeWritten() {
        Linear layer = new Linear(1, 1, generator);
        layer.weight().storage()[0] = Double.NaN;
        assertTrue(message(() -> StateDictFile.write(layer.stateDict())).contains("non-finite"));
    }
}
