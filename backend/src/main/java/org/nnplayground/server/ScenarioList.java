package org.nnplayground.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.json.Json;
import org.nnplayground.run.Scenarios;

/** The course's chapters as ready configurations, in the browser's format, by name. */
final class ScenarioList {
    private ScenarioList() {
    }

    static Map<String, Object> all() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> scenario : Scenarios.all().entrySet()) {
            out.put(scenario.getKey(), Json.parse(scenario.getValue()));
        }
        return out;
    }
}
