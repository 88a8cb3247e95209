package org.nnplayground.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.run.ExplicitTraining;
import org.nnplayground.tensor.Tensor;

/**
 * One benchmark workload of ../shared/bench (W1–W4), trained by {@link ExplicitTraining} — the same
 * loop the browser's benchmark pages run: Sequential of Linear and ReLU, a torch-style optimizer,
 * zeroGrad / forward / loss / backward / step.
 */
final class Workload {
    final String name;
    final boolean classification;
    final int[] sizes;
    final String optimizer;
    final Map<String, Double> hyper;
    final TensorDataset data;
    final double[][][] init;
    /** Full-batch steps, or 0 for mini-batch workloads. */
    final int steps;
    final int[][][] orders;

    private Workload(String name, boolean classification, int[] sizes, String optimizer, Map<String, Double> hyper,
            TensorDataset data, int initSeed, int steps, int epochs, int batch) {
        this.name = name;
        this.classification = classification;
        this.sizes = sizes;
        this.optimizer = optimizer;
        this.hyper = hyper;
        this.data = data;
        this.init = BenchData.initWeights(sizes, initSeed);
        this.steps = steps;
        this.orders = epochs > 0 ? BenchData.batchOrders(data.size(), epochs, batch, 1000 + initSeed) : null;
    }

    private static TensorDataset regression(int n, double noise, boolean uniform, int seed) {
        double[][] xy = BenchData.regression(n, noise, uniform, seed);
        return new TensorDataset(Tensor.of(xy[0], n, 1), Tensor.of(xy[1], n, 1));
    }

    private static TensorDataset clusters(int n, int seed) {
        double[][] xl = BenchData.clusters(n, 2, seed);
        return new TensorDataset(Tensor.of(xl[0], n, 2), Tensor.of(xl[1], n));
    }

    static Workload named(String name) {
        switch (name) {
            case "W1":
                return new Workload(name, false, new int[] {1, 10, 1}, "SGD", Map.of("lr", 0.2),
                        regression(100, 0.2, true, 1), 101, 200, 0, 0);
            case "W2":
                return new Workload(name, true, new int[] {2, 10, 2}, "SGD", Map.of("lr", 0.02), clusters(200, 2), 102, 100,
                        0, 0);
            case "W3-sgd":
                return w3(name, "SGD", Map.of("lr", 0.01));
            case "W3-momentum":
                return w3(name, "SGD", Map.of("lr", 0.01, "momentum", 0.8));
            case "W3-rmsprop":
                return w3(name, "RMSprop", Map.of("lr", 0.01, "alpha", 0.9, "eps", 1e-8));
            case "W3-adam":
                return w3(name, "Adam", Map.of("lr", 0.01, "beta1", 0.9, "beta2", 0.99, "eps", 1e-8));
            case "W4-h8":
                return w4(name, 8, 104);
            case "W4-h32":
                return w4(name, 32, 105);
            case "W4-h128":
                return w4(name, 128, 106);
            default:
                throw new IllegalArgumentException("unknown workload " + name);
        }
    }

    private static Workload w3(String name, String optimizer, Map<String, Double> hyper) {
        return new Workload(name, false, new int[] {1, 20, 1}, optimizer, hyper, regression(1000, 0.1, false, 3), 103, 0,
                12, 32);
    }

    private static Workload w4(String name, int hidden, int initSeed) {
        return new Workload(name, true, new int[] {2, hidden, hidden, 2}, "SGD", Map.of("lr", 0.1), clusters(2000, 4),
                initSeed, 100, 0, 0);
    }

    /** Trains a fresh network from the initial weights; returns the final full-data loss. */
    double train() {
        ExplicitTraining training = new ExplicitTraining(sizes, init, classification, optimizer, hyper,
                data.inputs().storage(), data.targets().storage(), steps, orders);
        training.train();
        return training.fullLoss();
    }

    static List<String> all() {
        List<String> names = new ArrayList<>(List.of("W1", "W2", "W3-sgd", "W3-momentum", "W3-rmsprop", "W3-adam",
                "W4-h8", "W4-h32", "W4-h128"));
        return names;
    }
}
