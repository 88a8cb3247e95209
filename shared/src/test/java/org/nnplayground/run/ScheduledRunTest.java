package org.nnplayground.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.optim.SGD;
import org.nnplayground.optim.scheduler.OneCycleLR;
import org.nnplayground.tensor.Tensor;

/** A run's learning-rate schedule steps as PyTorch's documentation does: per epoch, or per update for OneCycleLR. */
class ScheduledRunTest {
    /** 40 points in batches of 10: four updates an epoch. */
    private static TrainingRun run(String scheduler, String optimizer, int steps) {
        return new TrainingRun(RunConfigJson.parse("{\"dataset\":{\"name\":\"parabola\",\"n\":40,\"noise\":0.1,\"seed\":1},"
                + "\"layers\":[{\"units\":4}],\"optimizers\":[" + optimizer + "],\"batchSize\":10,\"steps\":" + steps
                + ",\"scheduler\":" + scheduler + "}"));
    }

    private static double[] trained(TrainingRun run) {
        while (run.step()) {
            // to the end
        }
        return run.ratesSince(0, 0);
    }

    @Test
    void anEpochScheduleStepsAfterEachEpochsLastUpdate() {
        double[] rates = trained(run("{\"name\":\"StepLR\",\"step_size\":2,\"gamma\":0.5}", "{\"name\":\"SGD\",\"lr\":0.1}", 24));
        double[] expected = new double[24];
        for (int i = 0; i < 24; i++) {
            int epoch = i / 4;
            expected[i] = 0.1 * Math.pow(0.5, epoch / 2); // exact: halvings of 0.1
        }
        assertArrayEquals(expected, rates, 0);
    }

    @Test
    void oneCycleStepsAfterEveryUpdateAndCyclesTheMomentum() {
        double[] rates = trained(run("{\"name\":\"OneCycleLR\",\"max_lr\":0.3,\"total_steps\":20}",
                "{\"name\":\"SGD\",\"lr\":0.1,\"momentum\":0.9}", 20));
        SGD alone = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1, new SGD.Options().momentum(0.9));
        OneCycleLR schedule = new OneCycleLR(alone, 0.3, 20, new OneCycleLR.Options());
        for (int i = 0; i < 20; i++) {
            assertEquals(alone.lr(), rates[i], 0, "update " + i);
            schedule.step();
        }
    }

    @Test
    void plateauReadsTheEpochsMeanLossAndASplitRunKeepsTheSchedule() {
        String plateau = "{\"name\":\"ReduceLROnPlateau\",\"patience\":0,\"factor\":0.5,\"threshold\":0.5}";
        double[] rates = trained(run(plateau, "{\"name\":\"SGD\",\"lr\":0.05}", 16));
        assertEquals(0.05, rates[0]);
        assertTrue(rates[15] < 0.05, "a loss that does not halve each epoch lowers the rate: " + rates[15]);
        assertEquals(rates[4], rates[7], 0, "the rate holds within an epoch");
        // The configuration keeps its scheduler through writing and reading.
        RunConfig config = run(plateau, "{\"name\":\"SGD\",\"lr\":0.05}", 16).config();
        assertTrue(RunConfigJson.write(config).contains("\"scheduler\":{\"name\":\"ReduceLROnPlateau\",\"patience\":0"),
                RunConfigJson.write(config));
        assertEquals(RunConfigJson.write(config), RunConfigJson.write(RunConfigJson.parse(RunConfigJson.write(config))));
    }

    @Test
    void aMisfitIsRefusedWhenTheConfigurationIsRead() {
        String message = assertThrows(IllegalArgumentException.class, () -> run(
                "{\"name\":\"OneCycleLR\",\"max_lr\":0.3,\"total_steps\":20}", "{\"name\":\"Adagrad\"}", 20)).getMessage();
        assertTrue(message.contains("scheduler (OneCycleLR) over Adagrad: optimizer must support momentum"), message);
        message = assertThrows(IllegalArgumentException.class, () -> run("{\"name\":\"StepLR\"}", "{\"name\":\"SGD\",\"lr\":0.1}",
                4)).getMessage();
        assertTrue(message.contains("needs step_size"), message);
        message = assertThrows(IllegalArgumentException.class, () -> run("\"StepLR\"", "{\"name\":\"SGD\",\"lr\":0.1}",
                4)).getMessage();
        assertTrue(message.contains("scheduler must be an object"), message);
        assertFalse(run("{\"name\":\"ExponentialLR\",\"gamma\":0.9}", "{\"name\":\"SGD\",\"lr\":0.1}", 4).config()
                .schedulerOptions().given().isEmpty());
    }

    @Test
    void clippingAndTheLoadersOptionsAreRunOptionsThatSurviveWriting() {
        RunConfig config = RunConfigJson.parse("{\"dataset\":{\"name\":\"parabola\",\"n\":42,\"noise\":0.1,\"seed\":1},"
                + "\"layers\":[{\"units\":4}],\"optimizers\":[{\"name\":\"SGD\",\"lr\":5}],\"batchSize\":10,\"epochs\":3,"
                + "\"clipGradNorm\":0.01,\"shuffle\":false,\"dropLast\":true}");
        assertEquals(12, config.steps(), "42 points in batches of 10, the last 2 dropped: 4 batches an epoch");
        assertEquals(RunConfigJson.write(config), RunConfigJson.write(RunConfigJson.parse(RunConfigJson.write(config))));
        TrainingRun run = new TrainingRun(config);
        List<int[]> orders = run.epochOrders();
        assertEquals(40, orders.get(0).length, "the dropped rows are in no batch");
        assertArrayEquals(orders.get(0), orders.get(1), "in order: every epoch the same");
        // With lr 5 the network would jump; clipped to a norm of 0.01, each step moves the weights by at most 0.05.
        List<Tensor> params = run.network(0).parameters();
        double[] before = params.get(0).toArray();
        run.step();
        double[] after = params.get(0).toArray();
        for (int i = 0; i < before.length; i++) {
            assertTrue(Math.abs(after[i] - before[i]) <= 0.05 + 1e-12, "step " + (after[i] - before[i]));
        }
        String message = assertThrows(IllegalArgumentException.class, () -> RunConfigJson.parse("{\"dataset\":{\"name\":"
                + "\"parabola\",\"n\":20},\"layers\":[],\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"batchSize\":30,"
                + "\"steps\":5,\"dropLast\":true}")).getMessage();
        assertTrue(message.contains("leaves no batch"), message);
    }
}
