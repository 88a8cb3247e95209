package org.nnplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.nn.EvalScope;
import org.nnplayground.nn.Linear;
import org.nnplayground.tensor.MatMul;
import org.nnplayground.tensor.Tensor;

/**
 * Whether one network of a run trains healthily, layer by layer (a layer is a Linear with the activation after
 * it): the weight matrix's norm, the norm of its gradient from the last update, the last update's size against
 * the weights (‖Δw‖ / ‖w‖, about 1e-3 is the rule of thumb), for ReLU the units that are zero on every training
 * point (dead: no gradient reaches their weights), and histograms over the training data of the layer's
 * outputs and of the loss's gradient with respect to them.
 *
 * <p>The gradients are those of the data's loss on all the training data (mean reduction, without any L1
 * term), as {@code h.retain_grad(); loss_fn(net(X), Y).backward()} gives in PyTorch. They are computed on
 * detached copies of the weights, so the network's own gradients (the last update's) stay as they were.
 */
public final class Diagnostics {
    /** Bars of each histogram. */
    public static final int BINS = 20;

    private Diagnostics() {
    }

    /** The figures of network {@code k} now. */
    public static Map<String, Object> of(TrainingRun run, int k) {
        run.watchUpdates();
        try (EvalScope eval = run.network(k).evaluating()) { // no masks drawn, no running statistics moved
            return measured(run, k);
        }
    }

    private static Map<String, Object> measured(TrainingRun run, int k) {
        List<DenseLayer> dense = DenseLayer.of(run.network(k), "diagnostics read");

        // Forward on the training data, every layer's output a leaf of its own, so that the gradient reaching
        // each can be read and handed back to the layer before (the chain rule, one layer at a time).
        TensorDataset train = run.trainingData();
        int layers = dense.size();
        Tensor[] outputs = new Tensor[layers]; // each layer's output, computed from the previous leaf
        Tensor[] leaves = new Tensor[layers];
        Tensor input = train.inputs();
        for (int l = 0; l < layers; l++) {
            Linear linear = dense.get(l).linear();
            Tensor h = MatMul.linear(input, linear.weight().detach(),
                    linear.hasBias() ? linear.bias().detach() : null);
            h = dense.get(l).afterLinear(h);
            outputs[l] = h;
            leaves[l] = h.detach().requiresGrad(true);
            input = leaves[l];
        }
        run.loss().forward(leaves[layers - 1], train.targets()).backward();
        for (int l = layers - 1; l > 0; l--) {
            outputs[l].mul(leaves[l].grad().detach()).sum().backward();
        }

        double[] ratios = run.updateRatios(k);
        List<Object> out = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            Linear linear = dense.get(l).linear();
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", String.valueOf(dense.get(l).index()));
            layer.put("role", l == layers - 1 ? "output" : "hidden");
            layer.put("activation", dense.get(l).activationName());
            if (dense.get(l).normName() != null) {
                layer.put("norm", dense.get(l).normName());
            }
            if (dense.get(l).dropoutP() != null) {
                layer.put("dropout", dense.get(l).dropoutP());
            }
            layer.put("units", linear.outFeatures());
            layer.put("weightNorm", finite(norm(linear.weight().storage())));
            Tensor grad = linear.weight().grad();
            layer.put("gradNorm", grad == null ? null : finite(norm(grad.storage())));
            layer.put("updateRatio", ratios == null || Double.isNaN(ratios[l]) ? null : finite(ratios[l]));
            double[] values = leaves[l].toArray();
            layer.put("deadUnits", dense.get(l).isRelu() ? deadUnits(values, linear.outFeatures()) : null);
            layer.put("activations", histogram(values));
            layer.put("gradients", histogram(leaves[l].grad().toArray()));
            out.add(layer);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("step", run.stepCount());
        answer.put("points", train.size());
        answer.put("layers", out);
        return answer;
    }

    /** The Euclidean (Frobenius) norm, like {@code tensor.norm()}. */
    static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** The units (columns of points × units outputs) that are exactly zero on every point. */
    static List<Integer> deadUnits(double[] values, int units) {
        List<Integer> dead = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            boolean zero = true;
            for (int p = u; p < values.length && zero; p += units) {
                zero = values[p] == 0;
            }
            if (zero) {
                dead.add(u);
            }
        }
        return dead;
    }

    /**
     * {@link #BINS} equal bars from the lowest to the highest finite value, each counting the values in
     * [its left edge, its right edge), the last one closed; a single value fills the middle bar.
     */
    static Map<String, Object> histogram(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int[] counts = new int[BINS];
        Map<String, Object> out = new LinkedHashMap<>();
        if (min > max) {
            out.put("min", null);
            out.put("max", null);
            out.put("counts", counts);
            return out;
        }
        double width = (max - min) / BINS;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            int bin = width == 0 ? BINS / 2 : (int) Math.floor((v - min) / width);
            counts[Math.min(BINS - 1, Math.max(0, bin))]++;
        }
        out.put("min", min);
        out.put("max", max);
        out.put("counts", counts);
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
