package org.nnplayground.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.catalog.ModuleTypes;
import org.nnplayground.json.JsonFields;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.Sequential;
import org.nnplayground.random.Generator;
import org.nnplayground.text.CodedError;

/**
 * A model's structure as data, e.g. {@code {"type": "Sequential", "layers": [{"type": "Linear",
 * "in_features": 1, "out_features": 10, "bias": true}, {"type": "ReLU"}, ...]}}, so a checkpoint can
 * rebuild it. Only the types {@link ModuleTypes} lists can be described or built: a file names a type,
 * never a class to load.
 */
public final class Architecture {
    private static final int MAX_LAYERS = 1000;

    private Architecture() {
    }

    public static Map<String, Object> describe(Module module) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", module.typeName());
        if (module instanceof Sequential) {
            List<Object> layers = new ArrayList<>();
            for (Module layer : module.namedChildren().values()) {
                layers.add(describe(layer));
            }
            map.put("layers", layers);
        } else if (!ModuleTypes.names().contains(module.typeName())) {
            throw new IllegalArgumentException("cannot describe a module of type " + module.typeName());
        }
        map.putAll(module.arguments());
        return map;
    }

    /** Parameters a file's architecture may declare unless the reader sets its own limit. */
    public static final long DEFAULT_MAX_PARAMETERS = 5_000_000;

    /** Builds the described module with fresh weights drawn from {@code generator}. */
    public static Module build(Object json, Generator generator) {
        return build(json, generator, DEFAULT_MAX_PARAMETERS);
    }

    /** The same, refusing (before allocating anything) an architecture that declares more than {@code maxParameters}. */
    public static Module build(Object json, Generator generator, long maxParameters) {
        long declared = declaredParameters(json, "architecture", 0);
        if (declared > maxParameters) {
            throw new CodedError("file.tooManyParameters", "the architecture declares " + declared + " parameters; at most "
                    + maxParameters + " are allowed here", "declared", declared, "limit", maxParameters);
        }
        return build(json, generator, "architecture", 0);
    }

    /** Every parameter the description declares, summed without building anything (saturating, never overflowing). */
    private static long declaredParameters(Object json, String where, int depth) {
        checkDepth(depth, where);
        Map<String, Object> map = JsonFields.object(json, where);
        String type = JsonFields.string(map, "type", where);
        if (!type.equals("Sequential")) {
            return ModuleTypes.declaredParameters(type, map, where);
        }
        List<Object> layers = layers(map, where);
        long sum = 0;
        for (int i = 0; i < layers.size(); i++) {
            sum = Math.min(Long.MAX_VALUE / 2, sum + declaredParameters(layers.get(i), where + ".layers[" + i + "]", depth + 1));
        }
        return sum;
    }

    private static Module build(Object json, Generator generator, String where, int depth) {
        checkDepth(depth, where);
        Map<String, Object> map = JsonFields.object(json, where);
        String type = JsonFields.string(map, "type", where);
        if (!type.equals("Sequential")) {
            return ModuleTypes.build(type, map, generator, where);
        }
        JsonFields.keys(map, where, Set.of("type", "layers"), Set.of("type", "layers"));
        List<Object> layers = layers(map, where);
        Sequential sequential = new Sequential();
        for (int i = 0; i < layers.size(); i++) {
            sequential.add(build(layers.get(i), generator, where + ".layers[" + i + "]", depth + 1));
        }
        return sequential;
    }

    private static void checkDepth(int depth, String where) {
        if (depth > 8) {
            throw new CodedError("file.nesting", where + " nests Sequential more than 8 levels deep", "field", where);
        }
    }

    /** A Sequential's layers, at most {@code MAX_LAYERS} of them. */
    private static List<Object> layers(Map<String, Object> sequential, String where) {
        List<Object> layers = JsonFields.list(sequential.get("layers"), where + ".layers");
        if (layers.size() > MAX_LAYERS) {
            throw new CodedError("file.tooManyLayers", where + " has more than " + MAX_LAYERS + " layers", "field", where,
                    "limit", MAX_LAYERS);
        }
        return layers;
    }
}
