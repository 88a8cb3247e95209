package org.nnplayground.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** The course's chapters as ready run configurations (JSON), by name. */
public final class Scenarios {
    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("regression", "{\"dataset\":{\"name\":\"parabola\",\"n\":100,\"noise\":0.2,\"seed\":1},"
                + "\"layers\":[{\"units\":10,\"activation\":\"ReLU\"}],\"loss\":\"MSELoss\","
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.2}],\"batchSize\":0,\"steps\":200,\"initSeed\":1,\"shuffleSeed\":1}");
        ALL.put("classification", "{\"dataset\":{\"name\":\"clusters\",\"n\":200,\"noise\":1,\"seed\":1},"
                + "\"layers\":[{\"units\":10,\"activation\":\"ReLU\"}],\"loss\":\"CrossEntropyLoss\","
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.02}],\"batchSize\":0,\"steps\":100,\"initSeed\":1,\"shuffleSeed\":1}");
        ALL.put("save-load", "{\"dataset\":{\"name\":\"parabola\",\"n\":100,\"noise\":0.2,\"seed\":1},"
                + "\"layers\":[{\"units\":10,\"activation\":\"ReLU\"}],\"loss\":\"MSELoss\","
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.5}],\"batchSize\":0,\"steps\":100,\"initSeed\":1,\"shuffleSeed\":1}");
        ALL.put("optimizer-race", "{\"dataset\":{\"name\":\"parabola-gaussian\",\"n\":1000,\"noise\":0.1,\"seed\":1},"
                + "\"layers\":[{\"units\":20,\"activation\":\"ReLU\"}],\"loss\":\"MSELoss\",\"optimizers\":["
                + "{\"name\":\"SGD\",\"label\":\"SGD\",\"lr\":0.01},"
                + "{\"name\":\"SGD\",\"label\":\"Momentum\",\"lr\":0.01,\"momentum\":0.8},"
                + "{\"name\":\"RMSprop\",\"label\":\"RMSprop\",\"lr\":0.01,\"alpha\":0.9},"
                + "{\"name\":\"Adam\",\"label\":\"Adam\",\"lr\":0.01,\"betas\":[0.9,0.99]}],"
                + "\"batchSize\":32,\"epochs\":12,\"initSeed\":1,\"shuffleSeed\":1}");
    }

    private Scenarios() {
    }

    public static Map<String, String> all() {
        return new LinkedHashMap<>(ALL);
    }

    public static String json(String name) {
        String json = ALL.get(name);
        if (json == null) {
            throw new IllegalArgumentException("unknown scenario \"" + name + "\"; choose one of " + ALL.keySet());
        }
        return json;
    }

    public static RunConfig config(String name) {
        return RunConfigJson.parse(json(name));
    }
}
