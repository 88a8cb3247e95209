package org.nnplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.data.CsvData;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.EvalScope;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Sequential;
import org.nnplayground.tensor.GradMode;
import org.nnplayground.tensor.Tensor;

/**
 * What the network view draws of one network of a run: a column per layer (the inputs as the network sees
 * them, then each Linear with the activation after it), and for every unit what it computes over the data
 * chart's area (in evaluation mode, as a prediction sees it) — a curve over x for one input, a res×res map for two (row by row from y0). Between columns,
 * the Linear's weights and biases with their PyTorch names and the gradients of the last update, and for a
 * ReLU layer the units that are zero on every training point ("deadUnits").
 *
 * <p>A unit's picture is sent as its largest absolute value ("scale") and its values as integers in
 * [-1000, 1000] of that scale: a picture needs three digits, and short numbers keep the worker's messages
 * small while the network trains. Weights and gradients keep every digit.
 */
public final class NetworkPicture {
    /** Quantization steps of a unit's picture on either side of zero. */
    public static final int LEVELS = 1000;

    private NetworkPicture() {
    }

    /** The picture of network {@code k}; the resolution must be 2 to 400 (a curve's points, or a map's side). */
    public static Map<String, Object> of(TrainingRun run, int k, double x0, double x1, double y0, double y1, int res) {
        boolean curve = run.config().dataset().features() == 1;
        // Over one or two inputs each unit is a picture; over more, what a unit computes has no flat picture.
        boolean pictured = run.config().dataset().features() <= 2;
        Sequential net = run.network(k);
        Map<String, Tensor> names = net.namedParameters();
        List<Object> layers = new ArrayList<>();
        try (GradMode.Scope scope = GradMode.noGrad(); EvalScope eval = net.evaluating()) {
            Tensor h = pictured ? run.asSeen(DecisionGrid.points(curve, x0, x1, y0, y1, res))
                    : Tensor.zeros(0, run.config().inputWidth());
            List<DenseLayer> dense = DenseLayer.of(net, "the view draws");
            // The training data goes only as far as the last ReLU layer: it is there to find the dead units.
            int lastRelu = -1;
            for (int l = 0; l < dense.size(); l++) {
                lastRelu = dense.get(l).isRelu() ? l : lastRelu;
            }
            Tensor onData = lastRelu >= 0 ? run.trainingData().inputs() : null;
            layers.add(column("input", null, inputLabels(run), h));
            for (int l = 0; l < dense.size(); l++) {
                DenseLayer here = dense.get(l);
                Linear linear = here.linear();
                h = here.forward(h);
                Map<String, Object> layer = column(l + 1 == dense.size() ? "output" : "hidden", here.activationName(), null, h);
                if (here.normName() != null) {
                    layer.put("norm", here.normName());
                }
                if (here.dropoutP() != null) {
                    layer.put("dropout", here.dropoutP());
                }
                if (l <= lastRelu) {
                    onData = here.forward(onData);
                }
                if (here.isRelu()) {
                    layer.put("deadUnits", Diagnostics.deadUnits(onData.toArray(), linear.outFeatures()));
                }
                layer.put("weight", parameter(linear.weight(), names));
                if (linear.hasBias()) {
                    layer.put("bias", parameter(linear.bias(), names));
                }
                layers.add(layer);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("curve", curve);
        out.put("pictured", pictured);
        out.put("resolution", res);
        out.put("layers", layers);
        if (curve && net.size() == 3 && net.get(2) instanceof Linear last && last.outFeatures() == 1) {
            out.put("decomposition", decomposition(run, net, last, x0, x1, res));
        }
        return out;
    }

    /**
     * The regression chapter's "bent lines added up": for one input, one hidden layer and one output, each
     * hidden unit's contribution w2[i]·act(w1[i]·x + b1[i]) at the grid's x values, and the output bias; they
     * add up to the fit. Every digit is kept: the parts are drawn as curves under the fit.
     */
    private static Map<String, Object> decomposition(TrainingRun run, Sequential net, Linear last, double x0, double x1,
            int res) {
        double[] hidden;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor x = run.asSeen(DecisionGrid.points(true, x0, x1, 0, 0, res));
            hidden = net.get(1).forward(net.get(0).forward(x)).toArray();
        }
        double[] w = last.weight().toArray();
        int units = w.length;
        List<Object> parts = new ArrayList<>(units);
        for (int i = 0; i < units; i++) {
            double[] part = new double[res];
            for (int p = 0; p < res; p++) {
                part[p] = w[i] * hidden[p * units + i];
            }
            parts.add(JsonWriter.finiteOrNull(part));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parts", parts);
        out.put("bias", last.hasBias() ? last.bias().toArray()[0] : 0.0);
        return out;
    }

    /** The names of the network's inputs: the input features chosen, else x (one input) or x1 and x2. */
    private static List<String> inputLabels(TrainingRun run) {
        List<String> features = run.config().inputFeatures();
        if (!features.isEmpty()) {
            return features;
        }
        CsvData points = run.config().dataset().points();
        if (points != null) {
            return List.of(points.columns()).subList(0, points.features());
        }
        return List.of(CsvData.defaultNames(run.config().dataset().features(), 1, false)).subList(0, run.config().dataset().features());
    }

    /** A column of units: each one's picture over the grid, from the layer's output h (points × units). */
    private static Map<String, Object> column(String role, String activation, List<String> labels, Tensor h) {
        int points = h.size(0);
        int units = h.size(1);
        double[] values = h.toArray();
        List<Object> pictures = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            double scale = 0;
            for (int p = 0; p < points; p++) {
                scale = Math.max(scale, Math.abs(values[p * units + u]));
            }
            int[] levels = new int[points];
            for (int p = 0; p < points; p++) {
                double v = values[p * units + u];
                levels[p] = scale == 0 || !Double.isFinite(v) ? 0 : (int) Math.round(v / scale * LEVELS);
            }
            Map<String, Object> picture = new LinkedHashMap<>();
            picture.put("scale", Double.isFinite(scale) ? scale : null);
            picture.put("levels", levels);
            pictures.add(picture);
        }
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("role", role);
        column.put("units", units);
        if (activation != null) {
            column.put("activation", activation);
        }
        if (labels != null) {
            column.put("labels", labels);
        }
        if (points == 0) { // no grid: the units are drawn without pictures
            for (int u = 0; u < units; u++) {
                Map<String, Object> blank = new LinkedHashMap<>();
                blank.put("scale", null);
                blank.put("levels", new int[0]);
                pictures.set(u, blank);
            }
        }
        column.put("pictures", pictures);
        return column;
    }

    /** A weight or bias: its state-dict name, shape, values and the last update's gradient (null before one). */
    private static Map<String, Object> parameter(Tensor tensor, Map<String, Tensor> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> named : names.entrySet()) {
            if (named.getValue() == tensor) {
                out.put("name", named.getKey());
            }
        }
        out.put("shape", tensor.shape());
        out.put("values", JsonWriter.finiteOrNull(tensor.toArray()));
        Tensor grad = tensor.grad();
        out.put("grad", grad == null ? null : JsonWriter.finiteOrNull(grad.toArray()));
        return out;
    }
}
