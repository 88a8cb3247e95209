package org.nnplayground.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.catalog.Chapters;
import org.nnplayground.json.JsonWriter;

/** The chapters' preset runs ({@link Chapters}) as JSON text and as read configurations, by name. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : Chapters.names()) {
            all.put(name, json(name));
        }
        return all;
    }

    public static String json(String name) {
        return JsonWriter.write(Chapters.preset(name));
    }

    public static RunConfig config(String name) {
        return RunConfigJson.read(Chapters.preset(name));
    }
}
