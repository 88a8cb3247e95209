package org.nnplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.nnplayground.catalog.Activations;
import org.nnplayground.catalog.Norms;
import org.nnplayground.catalog.Options;
import org.nnplayground.json.JsonFields;
import org.nnplayground.text.CodedError;

/**
 * A run configuration's hidden layers as JSON: {@code [{"units": 10, "activation": "ReLU"}, ...]}. A layer may also
 * give its Linear's {@code bias}, its activation's PyTorch options ({@code negative_slope}, {@code approximate}, ...),
 * a {@code norm} ({@code "BatchNorm1d"} or {@code {"name": "LayerNorm", "eps": 1e-4}}) and a {@code dropout}
 * probability. What the catalog does not know is refused by name.
 */
final class LayersJson {
    private static final Set<String> LAYER_KEYS = Set.of("units", "activation", "bias", "norm", "dropout");
    private static final Set<String> NORM_KEYS = Set.of("name");

    private LayersJson() {
    }

    static List<LayerSpec> read(Object json) {
        if (!(json instanceof List)) {
            throw new CodedError("config.layers", "layers must be a list of hidden layers, e.g. [{\"units\": 10, \"activation\": \"ReLU\"}]");
        }
        List<Object> list = JsonFields.list(json, "layers");
        if (list.size() > RunConfig.MAX_LAYERS) {
            throw new CodedError("config.tooManyLayers", "at most " + RunConfig.MAX_LAYERS + " hidden layers, got " + list.size(),
                    "limit", RunConfig.MAX_LAYERS, "count", list.size());
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "layers[" + i + "]";
            Map<String, Object> layer = JsonFields.object(list.get(i), where);
            if (!(layer.get("units") instanceof Number)) {
                throw JsonFields.wrongKind(where + ".units", "number", "a number", layer.get("units"));
            }
            int units = JsonFields.integer(layer, "units", where, 1, RunConfig.MAX_UNITS);
            Object name = layer.getOrDefault("activation", "ReLU");
            Activations.Type activation = Activations.get(String.valueOf(name), where + ".activation");
            boolean bias = !layer.containsKey("bias") || JsonFields.bool(layer, "bias", where);
            Object normJson = layer.get("norm");
            String norm = normJson == null ? null : normName(normJson, where + ".norm");
            Options normOptions = norm == null ? null : Norms.get(norm, where + ".norm").read(
                    normJson instanceof Map ? JsonFields.object(normJson, where + ".norm") : Map.of(), NORM_KEYS,
                    where + ".norm (" + norm + ")");
            double dropout = layer.get("dropout") == null ? 0 : JsonFields.number(layer, "dropout", where);
            if (!(dropout >= 0 && dropout < 1)) { // 1 would zero every value: nothing could learn
                throw new CodedError("dropout", where + ".dropout must be a probability from 0 (none) up to but not 1, got "
                        + dropout, "field", where + ".dropout", "value", dropout);
            }
            layers.add(new LayerSpec(units, bias, activation.name(),
                    activation.read(layer, LAYER_KEYS, where + " (" + activation.name() + ")"), norm, normOptions, dropout));
        }
        return layers;
    }

    /** A normalisation is its name, or an object with its name and keyword arguments: {"name": "BatchNorm1d", "momentum": 0.2}. */
    private static String normName(Object json, String where) {
        Object name = json instanceof Map ? ((Map<?, ?>) json).get("name") : json;
        if (!(name instanceof String)) {
            throw new IllegalArgumentException(where + " must be a normalisation's name or an object with its name, e.g. "
                    + "\"BatchNorm1d\" or {\"name\": \"BatchNorm1d\", \"momentum\": 0.2}; normalisations: " + Norms.names());
        }
        return Norms.get((String) name, where).name();
    }

    /**
     * A BatchNorm1d in training needs at least two rows a batch (PyTorch: "Expected more than 1 value per channel
     * when training"): refused here, before a run stops on its first lonely row. The training rows are counted
     * only when a layer has one (counting may draw the dataset).
     */
    static void checkBatchRows(List<LayerSpec> layers, IntSupplier trainingRows, int batchSize, boolean dropLast) {
        boolean batchNorm = false;
        for (LayerSpec layer : layers) {
            batchNorm |= layer.normType() != null && layer.normType().mixesRows();
        }
        if (!batchNorm) {
            return;
        }
        int rows = trainingRows.getAsInt();
        if (batchSize == 1 || rows < 2) {
            throw new CodedError("batchNormOneRow", "BatchNorm1d needs batches of at least 2 rows; batchSize is "
                    + (batchSize == 0 ? "all " + rows + " training points" : batchSize), "batch", batchSize == 0 ? rows : batchSize);
        }
        if (batchSize > 1 && !dropLast && rows % batchSize == 1) {
            throw new CodedError("batchNormLastRow", "BatchNorm1d needs batches of at least 2 rows, but the " + rows
                    + " training points leave a last batch of 1 with a batchSize of " + batchSize
                    + "; choose another batch size or dropLast", "rows", rows, "batch", batchSize);
        }
    }

    /** The layers as JSON values, giving only what differs from the defaults. */
    static List<Object> write(List<LayerSpec> specs) {
        List<Object> layers = new ArrayList<>();
        for (LayerSpec layer : specs) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("units", layer.units);
            l.put("activation", layer.activation);
            if (!layer.bias) {
                l.put("bias", false);
            }
            l.putAll(layer.activationOptions.given());
            if (layer.norm != null) {
                Map<String, Object> normOptions = layer.normOptions.given();
                if (normOptions.isEmpty()) {
                    l.put("norm", layer.norm);
                } else {
                    Map<String, Object> norm = new LinkedHashMap<>();
                    norm.put("name", layer.norm);
                    norm.putAll(normOptions);
                    l.put("norm", norm);
                }
            }
            if (layer.dropout > 0) {
                l.put("dropout", layer.dropout);
            }
            layers.add(l);
        }
        return layers;
    }
}
