package org.nnplayground.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.catalog.Schedulers;
import org.nnplayground.course.DescentTrace;
import org.nnplayground.course.Net;
import org.nnplayground.course.ScalarDescent;
import org.nnplayground.data.Batch;
import org.nnplayground.data.DataLoader;
import org.nnplayground.data.Datasets;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.data.TrainTestSplit;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.io.pytorch.StoredTensor;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.loss.BCELoss;
import org.nnplayground.loss.BCEWithLogitsLoss;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.HuberLoss;
import org.nnplayground.loss.L1Loss;
import org.nnplayground.loss.Loss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.loss.NLLLoss;
import org.nnplayground.loss.Reduction;
import org.nnplayground.loss.SmoothL1Loss;
import org.nnplayground.math.PortableMath;
import org.nnplayground.nn.CELU;
import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.Hardtanh;
import org.nnplayground.nn.Identity;
import org.nnplayground.nn.LayerNorm;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.LogSoftmax;
import org.nnplayground.nn.Mish;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.PReLU;
import org.nnplayground.nn.ReLU6;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.SELU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.SiLU;
import org.nnplayground.nn.Sigmoid;
import org.nnplayground.nn.Softmax;
import org.nnplayground.nn.Softplus;
import org.nnplayground.nn.StateDict;
import org.nnplayground.nn.Tanh;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;
import org.nnplayground.run.Diagnostics;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;
import org.nnplayground.tensor.Tensor;

/**
 * Short computations that touch every part of the core — each dataset, activation, loss and optimizer,
 * the loader, the model files and the portable maths — summarised as JSON numbers. The JVM and both
 * browser builds run the same probe; equal text means they computed the same bits. Compiling it also
 * makes TeaVM compile the whole core, so a call the browser cannot handle fails the build.
 */
public final class PortabilityProbe {
    private PortabilityProbe() {
    }

    public static String run(long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        Generator g = new Generator(seed);
        out.put("maths", maths(g));
        out.put("datasets", datasets(g));
        out.put("optimizers", optimizers(seed));
        out.put("losses", losses(g));
        out.put("schedules", schedules());
        out.put("descent", descent(g));
        out.put("files", files(g));
        out.put("diagnostics", diagnostics(seed));
        out.put("normalised", normalised(seed));
        return JsonWriter.write(out);
    }

    /**
     * A run with BatchNorm1d, LayerNorm and Dropout: its losses (masks drawn in training), the state dict at its end
     * (running statistics, num_batches_tracked), its predictions in evaluation mode and the replay file's masks.
     */
    private static Map<String, Object> normalised(long seed) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse("{\"dataset\": {\"name\": \"moons\", \"n\": 90, \"noise\": 0.1,"
                + " \"seed\": " + seed + "}, \"layers\": [{\"units\": 8, \"norm\": {\"name\": \"BatchNorm1d\", \"momentum\": 0.3},"
                + " \"activation\": \"ReLU\", \"dropout\": 0.4}, {\"units\": 6, \"norm\": \"LayerNorm\", \"activation\": \"Tanh\","
                + " \"dropout\": 0.2}], \"loss\": \"CrossEntropyLoss\", \"optimizers\": [{\"name\": \"Adam\", \"lr\": 0.05},"
                + " {\"name\": \"SGD\", \"lr\": 0.1, \"momentum\": 0.9}], \"batchSize\": 16, \"steps\": 12, \"initSeed\": "
                + seed + ", \"shuffleSeed\": 2}"));
        while (run.step()) {
            // the whole short run
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("losses", List.of(run.lossHistory(0), run.lossHistory(1)));
        Map<String, Object> state = new LinkedHashMap<>();
        StateDict dict = run.network(0).stateDict();
        for (String key : dict.keys()) {
            state.put(key, dict.get(key).sum().item());
        }
        out.put("state", state);
        out.put("predictions", run.predict(1, new double[] {0.5, 0.25, -1, 0.5, 2, -0.5}));
        double masks = 0;
        for (Map.Entry<String, StoredTensor> entry : PytorchExchange.dataTensors(run).entrySet()) {
            if (entry.getKey().startsWith("dropout.")) {
                for (double v : entry.getValue().values()) {
                    masks = masks * 0.5 + v; // the order matters, not only the count
                }
            }
        }
        out.put("masks", masks);
        return out;
    }

    /** A short run's per-layer health figures (norms, update sizes, dead units, histograms) at its end. */
    private static Map<String, Object> diagnostics(long seed) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse("{\"dataset\": {\"name\": \"moons\", \"n\": 120, \"noise\": 0.1,"
                + " \"seed\": " + seed + "}, \"layers\": [{\"units\": 8, \"activation\": \"ReLU\"}, {\"units\": 8,"
                + " \"activation\": \"Tanh\"}], \"loss\": \"CrossEntropyLoss\", \"optimizers\": [{\"name\": \"Adam\","
                + " \"lr\": 0.05}], \"batchSize\": 16, \"steps\": 25, \"initSeed\": " + seed + ", \"shuffleSeed\": 1}"));
        Diagnostics.of(run, 0); // watching from the first update
        while (run.step()) {
            // the whole short run
        }
        return Diagnostics.of(run, 0);
    }

    private static double[] maths(Generator g) {
        double[] values = new double[8];
        for (int i = 0; i < 200; i++) {
            double x = g.uniform(-30, 30);
            values[0] += PortableMath.exp(x / 4);
            values[1] += PortableMath.log(Math.abs(x) + 1e-3);
            values[2] += PortableMath.log1p(Math.abs(x));
            values[3] += PortableMath.expm1(x / 10);
            values[4] += PortableMath.tanh(x);
            values[5] += PortableMath.erf(x / 10);
            values[6] += PortableMath.pow(Math.abs(x), 1.7);
            values[7] += g.normal();
        }
        return values;
    }

    private static double[] datasets(Generator g) {
        List<TensorDataset> all = List.of(Datasets.parabola(50, 0.2, g), Datasets.parabolaGaussian(50, 0.1, g),
                Datasets.clusters(25, 1, g), Datasets.circle(50, 0.1, g), Datasets.xor(50, 0.1, g),
                Datasets.spiral(50, 0.1, g), Datasets.moons(50, 0.1, g), Datasets.sine(50, 0.1, g), Datasets.line());
        double[] sums = new double[all.size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = all.get(i).inputs().sum().item() + all.get(i).targets().mul(1.5).sum().item();
        }
        return sums;
    }

    /** Every optimizer trains a net with every activation for a few mini-batches; the losses are reported. */
    private static Map<String, Object> optimizers(long seed) {
        Map<String, Object> results = new LinkedHashMap<>();
        TensorDataset data = Datasets.sine(64, 0.05, new Generator(seed));
        for (String name : Optimizers.names()) {
            Generator g = new Generator(seed);
            Module net = new Sequential(new Linear(1, 8, g), new ReLU(), new Linear(8, 8, g), new Tanh(),
                    new Linear(8, 8, g), new LeakyReLU(), new Linear(8, 8, g), new ELU(), new Linear(8, 8, g), new GELU(),
                    new Linear(8, 8, g), new GELU("tanh"), new Linear(8, 8, g), new Softplus(), new Linear(8, 8, g),
                    new SiLU(), new Linear(8, 8, g), new Mish(), new Linear(8, 8, g), new ReLU6(), new Linear(8, 8, g),
                    new Hardtanh(-0.5, 0.5), new Linear(8, 8, g), new SELU(), new Linear(8, 8, g), new CELU(0.7),
                    new Linear(8, 8, g), new Softmax(), new Linear(8, 8, g), new LogSoftmax(), new Linear(8, 8, g),
                    new PReLU(8, 0.2), new Linear(8, 8, g), new PReLU(), new LayerNorm(8), new Linear(8, 8, g),
                    new LayerNorm(8, 0.1, false),
                    new Linear(8, 8, g), new Sigmoid(), new Identity(), new Linear(8, 1, g));
            Map<String, Object> hyper = new LinkedHashMap<>();
            hyper.put("lr", 0.01);
            Optimizer optimizer = Optimizers.create(name, net.parameters(), hyper);
            Loss loss = new MSELoss();
            DataLoader loader = new DataLoader(data, 16, true, g);
            double last = 0;
            for (int epoch = 0; epoch < 3; epoch++) {
                for (Batch batch : loader) {
                    optimizer.zeroGrad();
                    Tensor value = loss.forward(net.forward(batch.x()), batch.y());
                    value.backward();
                    optimizer.step();
                    last = value.item();
                }
            }
            results.put(name, last);
        }
        return results;
    }

    /** Every scheduler's rate and momentum after each of 12 steps (ReduceLROnPlateau fed a loss that stalls). */
    private static Map<String, Object> schedules() {
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Map<String, Object>> kwargs = new LinkedHashMap<>();
        kwargs.put("StepLR", Map.of("step_size", 3.0, "gamma", 0.7));
        kwargs.put("MultiStepLR", Map.of("milestones", List.of(2.0, 5.0, 5.0)));
        kwargs.put("ExponentialLR", Map.of("gamma", 0.93));
        kwargs.put("CosineAnnealingLR", Map.of("T_max", 5.0, "eta_min", 0.001));
        kwargs.put("LinearLR", Map.of());
        kwargs.put("OneCycleLR", Map.of("max_lr", 0.5, "total_steps", 12.0));
        kwargs.put("ReduceLROnPlateau", Map.of("patience", 1.0, "factor", 0.5));
        for (String name : Schedulers.names()) {
            Optimizer optimizer = Optimizers.create("SGD", List.of(Tensor.zeros(2).requiresGrad(true)),
                    Map.of("lr", 0.1, "momentum", 0.9));
            Schedulers.Type type = Schedulers.get(name, name);
            Schedulers.Schedule schedule = type.build(optimizer, type.read(kwargs.get(name), java.util.Set.of(), name));
            double[] rates = new double[24];
            for (int k = 0; k < 12; k++) {
                schedule.step(1.0 / (1 + Math.min(k, 4)));
                rates[2 * k] = optimizer.lr();
                rates[2 * k + 1] = optimizer.hyperparameters().get("momentum");
            }
            results.put(name, rates);
        }
        return results;
    }

    private static double[] losses(Generator g) {
        TensorDataset clusters = Datasets.clusters(20, 1, g);
        Net net = new Net(2, 6, 2, g);
        Tensor logits = net.forward(clusters.inputs());
        Tensor ce = new CrossEntropyLoss().forward(logits, clusters.targets());
        ce.backward();
        Tensor bce = new BCEWithLogitsLoss().forward(logits, Tensor.rand(g, 40, 2));
        TrainTestSplit split = TrainTestSplit.of(clusters, 0.25, g);
        Tensor values = Tensor.randn(g, 6, 3);
        Tensor other = Tensor.randn(g, 6, 3);
        Tensor probabilities = Tensor.rand(g, 6, 3);
        Tensor bits = Tensor.rand(g, 6, 3);
        Tensor classes = Tensor.of(new double[] {0, 2, 1, 1, 0, 2});
        double[] weight = {0.5, 2.0, 1.25};
        return new double[] {ce.item(), bce.item(), net.hidden().weight().grad().sum().item(),
            split.test().targets().sum().item(),
            valueAndSlopes(new L1Loss(), values, other), valueAndSlopes(new SmoothL1Loss(Reduction.SUM, 0.6), values, other),
            valueAndSlopes(new HuberLoss(Reduction.MEAN, 0.4), values, other),
            valueAndSlopes(new BCELoss(), probabilities, bits),
            valueAndSlopes(new BCEWithLogitsLoss(Reduction.MEAN, weight), values, bits),
            valueAndSlopes(new CrossEntropyLoss(Reduction.MEAN, weight, 0.15), values, classes),
            valueAndSlopes(new NLLLoss(Reduction.SUM, weight), values.logSoftmax(1), classes),
            valueAndSlopes(new MSELoss(Reduction.NONE), values, other)};
    }

    /** A loss's value (its terms summed for 'none') plus its slopes, each weighted by its position, summed. */
    private static double valueAndSlopes(Loss loss, Tensor input, Tensor target) {
        Tensor x = input.detach().requiresGrad(true);
        Tensor value = loss.forward(x, target);
        value.sum().backward();
        double[] grad = x.grad().toArray();
        double sum = value.sum().item();
        for (int i = 0; i < grad.length; i++) {
            sum += (i + 1) * grad[i];
        }
        return sum;
    }

    private static double[] descent(Generator g) {
        DescentTrace batch = ScalarDescent.course().batch(1.0, 0.1, 20);
        DescentTrace slip = ScalarDescent.course().batchAsWrittenInCourse(1.0, 0.1, 20);
        DescentTrace mini = ScalarDescent.course().miniBatch(1.0, 0.01, 20, 2, g);
        return new double[] {batch.finalW(), slip.finalW(), mini.finalW(), mini.finalCost()};
    }

    private static double[] files(Generator g) {
        Net net = new Net(2, 5, 1, g);
        Module restored = CheckpointFile.read(CheckpointFile.write(net)).model();
        Net other = new Net(2, 5, 1, g);
        other.loadStateDict(StateDictFile.read(StateDictFile.write(net.stateDict())));
        Tensor x = Tensor.randn(g, 4, 2);
        return new double[] {restored.forward(x).sum().item(), other.forward(x).sum().item(), net.forward(x).sum().item()};
    }
}
