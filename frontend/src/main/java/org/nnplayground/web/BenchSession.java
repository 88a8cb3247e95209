package org.nnplayground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.ExplicitTraining;

/**
 * One benchmark workload of ../shared/bench, handed over as JSON by the benchmark page:
 * {@code {"sizes": [1, 10, 1], "classification": false, "optimizer": "SGD", "hyper": {"lr": 0.2},
 * "x": [...], "targets": [...], "weights": [[W, b], ...], "steps": 200, "orders": null}}.
 * Preparing is not timed; only {@link #train()} is.
 */
final class BenchSession {
    private ExplicitTraining training;

    @SuppressWarnings("unchecked")
    String prepare(String specJson) {
        try {
            Map<String, Object> spec = (Map<String, Object>) Json.parse(specJson);
            int[] sizes = ints((List<Object>) spec.get("sizes"));
            List<Object> layers = (List<Object>) spec.get("weights");
            double[][][] weights = new double[layers.size()][][];
            for (int l = 0; l < weights.length; l++) {
                List<Object> pair = (List<Object>) layers.get(l);
                weights[l] = new double[][] {doubles((List<Object>) pair.get(0)), doubles((List<Object>) pair.get(1))};
            }
            Map<String, Double> hyper = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) spec.get("hyper")).entrySet()) {
                hyper.put(entry.getKey(), (Double) entry.getValue());
            }
            int[][][] orders = null;
            if (spec.get("orders") != null) {
                List<Object> epochs = (List<Object>) spec.get("orders");
                orders = new int[epochs.size()][][];
                for (int e = 0; e < orders.length; e++) {
                    List<Object> batches = (List<Object>) epochs.get(e);
                    orders[e] = new int[batches.size()][];
                    for (int b = 0; b < orders[e].length; b++) {
                        orders[e][b] = ints((List<Object>) batches.get(b));
                    }
                }
            }
            training = new ExplicitTraining(sizes, weights, Boolean.TRUE.equals(spec.get("classification")),
                    (String) spec.get("optimizer"), hyper, doubles((List<Object>) spec.get("x")),
                    doubles((List<Object>) spec.get("targets")), ((Double) spec.get("steps")).intValue(), orders);
            return "{}";
        } catch (RuntimeException e) {
            return EngineSession.error("bad benchmark spec: " + e.getMessage());
        }
    }

    int train() {
        return training == null ? -1 : training.train();
    }

    String outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("values", training.outputs());
        return JsonWriter.write(out);
    }

    private static double[] doubles(List<Object> list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (Double) list.get(i);
        }
        return values;
    }

    private static int[] ints(List<Object> list) {
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Double) list.get(i)).intValue();
        }
        return values;
    }
}
