package org.nnplayground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.ExplicitTraining;

/**
 * One benchmark workload of ../shared/bench, handed over as JSON by the benchmark page:
 * {@code {"sizes": [1, 10, 1], "classification": false, "optimizer": "SGD", "hyper": {"lr": 0.2},
 * "x": [...], "targets": [...], "weights": [[W, b], ...], "steps": 200, "orders": null}}.
 * Preparing is not timed; only {@link #train()} is.
 */
final class BenchSession {
    private static final Set<String> KEYS =
            Set.of("sizes", "classification", "optimizer", "hyper", "x", "targets", "weights", "steps", "orders");

    private ExplicitTraining training;

    String prepare(String specJson) {
        return EngineSession.answer(() -> {
            Map<String, Object> spec = JsonFields.object(Json.parse(specJson), "benchmark spec");
            JsonFields.keys(spec, "benchmark spec", KEYS, KEYS);
            List<Object> layers = JsonFields.list(spec.get("weights"), "weights");
            double[][][] weights = new double[layers.size()][][];
            for (int l = 0; l < weights.length; l++) {
                List<Object> pair = JsonFields.list(layers.get(l), "weights[" + l + "]");
                weights[l] = new double[][] {JsonFields.numbers(pair.get(0), "weights[" + l + "][0]"),
                        JsonFields.numbers(pair.get(1), "weights[" + l + "][1]")};
            }
            Map<String, Double> hyper = new LinkedHashMap<>();
            Map<String, Object> given = JsonFields.object(spec.get("hyper"), "hyper");
            for (String key : given.keySet()) {
                hyper.put(key, JsonFields.number(given, key, "hyper"));
            }
            training = new ExplicitTraining(JsonFields.integers(spec.get("sizes"), "sizes"), weights,
                    JsonFields.bool(spec, "classification", "benchmark spec"), JsonFields.string(spec, "optimizer", "benchmark spec"),
                    hyper, JsonFields.numbers(spec.get("x"), "x"), JsonFields.numbers(spec.get("targets"), "targets"),
                    JsonFields.integer(spec, "steps", "benchmark spec", 0, Integer.MAX_VALUE), orders(spec.get("orders")));
            return "{}";
        });
    }

    /** Each epoch's batches as rows, or null: the engine's own shuffle. */
    private static int[][][] orders(Object value) {
        if (value == null) {
            return null;
        }
        List<Object> epochs = JsonFields.list(value, "orders");
        int[][][] orders = new int[epochs.size()][][];
        for (int e = 0; e < orders.length; e++) {
            List<Object> batches = JsonFields.list(epochs.get(e), "orders[" + e + "]");
            orders[e] = new int[batches.size()][];
            for (int b = 0; b < orders[e].length; b++) {
                orders[e][b] = JsonFields.integers(batches.get(b), "orders[" + e + "][" + b + "]");
            }
        }
        return orders;
    }

    int train() {
        return training == null ? -1 : training.train();
    }

    /**
     * For a full-batch workload split over workers: the steps to make, and where to cut the rows for
     * {@code parts} workers (RowBlocks.splits), as {@code {"steps": n, "cuts": [...]}}.
     */
    String splits(int parts) {
        return EngineSession.answer(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("steps", prepared().fullBatchSteps());
            List<Object> cuts = new java.util.ArrayList<>();
            for (int cut : org.nnplayground.tensor.RowBlocks.splits(prepared().rows(), parts)) {
                cuts.add(cut);
            }
            out.put("cuts", cuts);
            return JsonWriter.write(out);
        });
    }

    /** The gradient of rows [from, to) with their loss sum (ExplicitTraining.stepPart). */
    double[] part(int from, int to) {
        return prepared().stepPart(from, to);
    }

    /** One step from the sum of every worker's part. */
    void apply(double[] sum) {
        prepared().stepWithParts(sum);
    }

    private ExplicitTraining prepared() {
        if (training == null) {
            throw new IllegalArgumentException("no workload: prepare one first");
        }
        return training;
    }

    String outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("values", training.outputs());
        return JsonWriter.write(out);
    }
}
