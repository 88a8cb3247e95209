package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnplayground.nn.Sequential;
import org.nnplayground.tensor.Tensor;

/** A configuration means what PyTorch would do with it: epochs count real batches, layer options are real options. */
class RunConfigJsonTest {
    private static String regression(String layers, String rest) {
        return "{\"dataset\":{\"name\":\"parabola\",\"n\":10,\"noise\":0.1,\"seed\":1},\"layers\":" + layers
                + ",\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}]" + rest + "}";
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse(json)).getMessage();
    }

    @Test
    void epochsCountTheBatchesOfTheTrainingPartOnly() {
        // 10 points, half held out: 5 train in one batch of 5 per epoch, as a PyTorch DataLoader would give.
        RunConfig config = RunConfigJson.parse(regression("[{\"units\":4}]",
                ",\"batchSize\":5,\"epochs\":2,\"testFraction\":0.5"));
        assertEquals(2, config.steps());
        TrainingRun run = new TrainingRun(config);
        assertEquals(5, run.trainRows().length);
        assertEquals(2, run.epochOrders().size());
    }

    @Test
    void epochsCountThePointsClustersReallyMakes() {
        // clusters splits n between its two classes: n = 11 makes 10 points, two batches of 5.
        RunConfig config = RunConfigJson.parse("{\"dataset\":{\"name\":\"clusters\",\"n\":11,\"noise\":1,\"seed\":1},"
                + "\"layers\":[{\"units\":4}],\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"batchSize\":5,\"epochs\":3}");
        assertEquals(10, new TrainingRun(config).data().size());
        assertEquals(6, config.steps());
    }

    @Test
    void aSplitThatLeavesAnEmptyPartIsRefusedWhenTheConfigurationIsRead() {
        String json = "{\"dataset\":{\"name\":\"parabola\",\"n\":2},\"layers\":[{\"units\":4}],"
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"steps\":5,\"testFraction\":0.1}";
        assertEquals("a test fraction of 0.1 leaves an empty part of 2 points", message(json));
    }

    @Test
    void unknownKeysInALayerAreRefusedByName() {
        assertTrue(message(regression("[{\"untis\":4}]", ",\"steps\":1")).contains("units"));
        String typo = message(regression("[{\"units\":4,\"untis\":4}]", ",\"steps\":1"));
        assertTrue(typo.contains("layers[0]") && typo.contains("\"untis\""), typo);
        String wrongLayer = message(regression("[{\"units\":4,\"activation\":\"ReLU\",\"negative_slope\":0.2}]", ",\"steps\":1"));
        assertTrue(wrongLayer.contains("\"negative_slope\""), wrongLayer);
        assertTrue(message(regression("[{\"units\":4,\"activation\":\"GELU\",\"approximate\":\"fast\"}]", ",\"steps\":1"))
                .contains("approximate"));
        assertTrue(message(regression("[{\"units\":4,\"bias\":0}]", ",\"steps\":1")).contains("bias"));
    }

    @Test
    void layerOptionsBuildTheLayersPytorchWould() {
        RunConfig config = RunConfigJson.parse(regression("[{\"units\":3,\"activation\":\"LeakyReLU\",\"negative_slope\":0.2,"
                + "\"bias\":false},{\"units\":3,\"activation\":\"GELU\",\"approximate\":\"tanh\"},"
                + "{\"units\":3,\"activation\":\"ELU\",\"alpha\":0.5},{\"units\":3,\"activation\":\"Softplus\",\"beta\":2,"
                + "\"threshold\":10}]", ",\"steps\":1"));
        Sequential net = new TrainingRun(config).network(0);
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=1, out_features=3, bias=False)\n"
                + "  (1): LeakyReLU(negative_slope=0.2)\n"
                + "  (2): Linear(in_features=3, out_features=3, bias=True)\n"
                + "  (3): GELU(approximate='tanh')\n"
                + "  (4): Linear(in_features=3, out_features=3, bias=True)\n"
                + "  (5): ELU(alpha=0.5)\n"
                + "  (6): Linear(in_features=3, out_features=3, bias=True)\n"
                + "  (7): Softplus(beta=2, threshold=10)\n"
                + "  (8): Linear(in_features=3, out_features=1, bias=True)\n"
                + ")", net.toString());
        assertFalse(net.stateDict().keys().contains("0.bias"));
        // The slope is really used: a negative input comes out scaled by 0.2.
        Tensor out = net.get(1).forward(Tensor.of(new double[] {-1, 2}));
        assertArrayEquals(new double[] {-0.2, 2}, out.toArray(), 0);
        // And the options survive writing the configuration and reading it back.
        assertEquals(RunConfigJson.write(config), RunConfigJson.write(RunConfigJson.parse(RunConfigJson.write(config))));
        assertTrue(RunConfigJson.write(config).contains("\"negative_slope\":0.2"));
    }

    @Test
    void optimizerKeywordsArePytorchs() {
        RunConfig config = RunConfigJson.parse("{\"dataset\":{\"name\":\"parabola\"},\"layers\":[],\"optimizers\":"
                + "[{\"name\":\"Adam\",\"betas\":[0.8,0.9],\"amsgrad\":true}],\"steps\":1}");
        assertEquals(0.001, config.optimizers().get(0).options().number("lr"));
        assertEquals(0.9, config.optimizers().get(0).options().pair("betas", 1));
        assertTrue(RunConfigJson.write(config).contains("\"betas\":[0.8,0.9],\"amsgrad\":true"), RunConfigJson.write(config));
        assertTrue(message("{\"dataset\":{\"name\":\"parabola\"},\"layers\":[],"
                + "\"optimizers\":[{\"name\":\"Adam\",\"amsgrad\":1}],\"steps\":1}").contains("amsgrad must be true or false"));
        assertTrue(message("{\"dataset\":{\"name\":\"parabola\"},\"layers\":[],\"optimizers\":[{\"name\":\"SGD\"}],"
                + "\"steps\":1}").contains("lr"));
    }

    private static String classification(String loss) {
        return "{\"dataset\":{\"name\":\"clusters\",\"n\":40,\"noise\":1,\"seed\":2},\"layers\":[{\"units\":4}],"
                + "\"loss\":" + loss + ",\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.5}],\"steps\":60}";
    }

    @Test
    void lossOptionsArePytorchsAndSurviveWriting() {
        RunConfig config = RunConfigJson.parse(regression("[]",
                ",\"loss\":{\"name\":\"HuberLoss\",\"delta\":0.5,\"reduction\":\"sum\"},\"steps\":1"));
        assertEquals(0.5, config.lossOptions().number("delta"));
        assertEquals("sum", config.createLoss().reduction().pythonName());
        assertTrue(RunConfigJson.write(config).contains("\"loss\":{\"name\":\"HuberLoss\",\"delta\":0.5,\"reduction\":\"sum\"}"),
                RunConfigJson.write(config));
        // A loss without options is written as its bare name, as before.
        assertTrue(RunConfigJson.write(RunConfigJson.parse(regression("[]", ",\"loss\":\"L1Loss\",\"steps\":1")))
                .contains("\"loss\":\"L1Loss\""));
        assertTrue(message(regression("[]", ",\"loss\":{\"name\":\"HuberLoss\",\"delta\":\"big\"},\"steps\":1"))
                .contains("loss (HuberLoss).delta must be a number"));
        assertTrue(message(regression("[]", ",\"loss\":{\"name\":\"MSELoss\",\"reduction\":\"none\"},\"steps\":1"))
                .contains("reduction must be one of [mean, sum]"));
        assertTrue(message(regression("[]", ",\"loss\":{\"name\":\"MSELoss\",\"beta\":1},\"steps\":1"))
                .contains("unknown key \"beta\""));
        assertTrue(message(classification("{\"name\":\"CrossEntropyLoss\",\"weight\":[1,\"x\"]}"))
                .contains("loss (CrossEntropyLoss).weight[1] must be a number"));
    }

    @Test
    void theNetworkEndsInTheLayerItsLossReads() {
        TrainingRun bce = new TrainingRun(RunConfigJson.parse(classification("\"BCELoss\"")));
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=2, out_features=4, bias=True)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in_features=4, out_features=1, bias=True)\n"
                + "  (3): Sigmoid()\n"
                + ")", bce.network(0).toString());
        TrainingRun nll = new TrainingRun(RunConfigJson.parse(classification("{\"name\":\"NLLLoss\",\"weight\":[1,3]}")));
        assertEquals("LogSoftmax(dim=1)", nll.network(0).get(3).toString());
        // The page reads scores below that layer: the logits, whose sign decides the class as the accuracy does.
        double[] point = {2, 2};
        double logit = bce.network(0).forward(Tensor.of(point, 1, 2), 0, 3).item();
        assertEquals(logit, bce.predict(0, point)[0], 0);
        assertEquals(1 / (1 + Math.exp(-logit)), bce.network(0).forward(Tensor.of(point, 1, 2)).item(), 1e-15);
        for (TrainingRun run : new TrainingRun[] {bce, nll}) {
            while (run.step()) {
                // sixty updates
            }
            assertTrue(run.evaluate(0)[1] > 0.9, "the clusters are learned: accuracy " + run.evaluate(0)[1]);
        }
        // A weight per class, and no more.
        assertTrue(message(classification("{\"name\":\"NLLLoss\",\"weight\":[1,2,3]}"))
                .contains("loss (NLLLoss).weight has 3 values for the network's 2 outputs"));
        assertTrue(message(classification("{\"name\":\"BCEWithLogitsLoss\",\"pos_weight\":[1,2]}"))
                .contains("pos_weight has 2 values for the network's 1 output"));
    }

    @Test
    void aCustomDatasetOfOnePointTrains() {
        RunConfig config = RunConfigJson.parse("{\"dataset\":{\"name\":\"custom\",\"inputs\":[0.5],\"targets\":[2]},"
                + "\"layers\":[{\"units\":2}],\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"steps\":20}");
        TrainingRun run = new TrainingRun(config);
        while (run.step()) {
            // train on the one point
        }
        assertTrue(run.evaluate(0)[0] < run.lossHistory(0)[0], "the loss on the one point went down");
    }
}
