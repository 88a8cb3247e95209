package org.nnplayground.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.course.Net;
import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.Identity;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.Sigmoid;
import org.nnplayground.nn.Softplus;
import org.nnplayground.nn.Tanh;
import org.nnplayground.random.Generator;

/**
 * A model's structure as data, e.g. {@code {"type": "Sequential", "layers": [{"type": "Linear",
 * "in_features": 1, "out_features": 10, "bias": true}, {"type": "ReLU"}, ...]}}, so a checkpoint can
 * rebuild it. Only the module types listed here can be described or built: a file names a type, never
 * a class to load.
 */
public final class Architecture {
    private static final int MAX_FEATURES = 1 << 20;
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
        } else if (module instanceof Linear) {
            Linear linear = (Linear) module;
            map.put("in_features", linear.inFeatures());
            map.put("out_features", linear.outFeatures());
            map.put("bias", linear.hasBias());
        } else if (module instanceof Net) {
            Net net = (Net) module;
            map.put("n_feature", net.hidden().inFeatures());
            map.put("n_hidden", net.hidden().outFeatures());
            map.put("n_output", net.predict().outFeatures());
        } else if (module instanceof LeakyReLU) {
            map.put("negative_slope", ((LeakyReLU) module).negativeSlope());
        } else if (module instanceof ELU) {
            map.put("alpha", ((ELU) module).alpha());
        } else if (module instanceof GELU) {
            map.put("approximate", ((GELU) module).approximate());
        } else if (module instanceof Softplus) {
            map.put("beta", ((Softplus) module).beta());
            map.put("threshold", ((Softplus) module).threshold());
        } else if (!(module instanceof ReLU || module instanceof Tanh || module instanceof Sigmoid
                || module instanceof Identity)) {
            throw new IllegalArgumentException("cannot describe a module of type " + module.typeName());
        }
        return map;
    }

    /** Builds the described module with fresh weights drawn from {@code generator}. */
    public static Module build(Object json, Generator generator) {
        return build(json, generator, "architecture", 0);
    }

    private static Module build(Object json, Generator generator, String where, int depth) {
        if (depth > 8) {
            throw new IllegalArgumentException(where + " nests Sequential more than 8 levels deep");
        }
        Map<String, Object> map = Fields.object(json, where);
        String type = Fields.string(map, "type", where);
        switch (type) {
            case "Sequential": {
                Fields.keys(map, where, Set.of("type", "layers"), Set.of("type", "layers"));
                List<Object> layers = Fields.list(map.get("layers"), where + ".layers");
                if (layers.size() > MAX_LAYERS) {
                    throw new IllegalArgumentException(where + " has more than " + MAX_LAYERS + " layers");
                }
                Sequential sequential = new Sequential();
                for (int i = 0; i < layers.size(); i++) {
                    sequential.add(build(layers.get(i), generator, where + ".layers[" + i + "]", depth + 1));
                }
                return sequential;
            }
            case "Linear": {
                Set<String> keys = Set.of("type", "in_features", "out_features", "bias");
                Fields.keys(map, where, keys, keys);
                return new Linear(Fields.integer(map, "in_features", where, 1, MAX_FEATURES),
                        Fields.integer(map, "out_features", where, 1, MAX_FEATURES), Fields.bool(map, "bias", where),
                        generator);
            }
            case "Net": {
                Set<String> keys = Set.of("type", "n_feature", "n_hidden", "n_output");
                Fields.keys(map, where, keys, keys);
                return new Net(Fields.integer(map, "n_feature", where, 1, MAX_FEATURES),
                        Fields.integer(map, "n_hidden", where, 1, MAX_FEATURES),
                        Fields.integer(map, "n_output", where, 1, MAX_FEATURES), generator);
            }
            default:
                return activation(type, map, where);
        }
    }

    private static Module activation(String type, Map<String, Object> map, String where) {
        switch (type) {
            case "ReLU":
            case "Tanh":
            case "Sigmoid":
            case "Identity":
                Fields.keys(map, where, Set.of("type"), Set.of("type"));
                return type.equals("ReLU") ? new ReLU() : type.equals("Tanh") ? new Tanh()
                        : type.equals("Sigmoid") ? new Sigmoid() : new Identity();
            case "LeakyReLU":
                Fields.keys(map, where, Set.of("type", "negative_slope"), Set.of("type", "negative_slope"));
                return new LeakyReLU(Fields.number(map, "negative_slope", where));
            case "ELU":
                Fields.keys(map, where, Set.of("type", "alpha"), Set.of("type", "alpha"));
                return new ELU(Fields.number(map, "alpha", where));
            case "GELU":
                Fields.keys(map, where, Set.of("type", "approximate"), Set.of("type", "approximate"));
                return new GELU(Fields.string(map, "approximate", where));
            case "Softplus":
                Fields.keys(map, where, Set.of("type", "beta", "threshold"), Set.of("type", "beta", "threshold"));
                return new Softplus(Fields.number(map, "beta", where), Fields.number(map, "threshold", where));
            default:
                throw new IllegalArgumentException(where + ".type \"" + type + "\" is not a known module type");
        }
    }
}
