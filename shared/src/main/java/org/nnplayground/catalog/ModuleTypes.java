package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.course.Net;
import org.nnplayground.json.JsonFields;
import org.nnplayground.nn.BatchNorm1d;
import org.nnplayground.nn.Dropout;
import org.nnplayground.nn.LayerNorm;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.random.Generator;

/**
 * The module types a saved architecture may name, and how to build each from its {@link Module#arguments()}:
 * {@code Linear}, the course's {@code Net}, {@code Dropout}, the normalisations and every activation. A file names a type from this list, never a
 * class to load. ({@code Sequential}, which holds others, is read by the architecture reader itself.)
 */
public final class ModuleTypes {
    private static final int MAX_FEATURES = 1 << 20;
    private static final Set<String> TYPE = Set.of("type");

    private ModuleTypes() {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of("Sequential", "Linear", "Net", "Dropout"));
        names.addAll(Norms.names());
        names.addAll(Activations.names());
        return names;
    }

    /** Builds a leaf module from {@code {"type": ..., arguments...}} with fresh weights from {@code generator}. */
    public static Module build(String type, Map<String, Object> json, Generator generator, String where) {
        switch (type) {
            case "Linear": {
                Set<String> keys = Set.of("type", "in_features", "out_features", "bias");
                JsonFields.keys(json, where, keys, keys);
                return new Linear(features(json, "in_features", where), features(json, "out_features", where),
                        JsonFields.bool(json, "bias", where), generator);
            }
            case "Net": {
                Set<String> keys = Set.of("type", "n_feature", "n_hidden", "n_output");
                JsonFields.keys(json, where, keys, keys);
                return new Net(features(json, "n_feature", where), features(json, "n_hidden", where),
                        features(json, "n_output", where), generator);
            }
            case "Dropout": {
                JsonFields.keys(json, where, Set.of("type", "p"), Set.of("type", "p"));
                return new Dropout(JsonFields.number(json, "p", where), generator);
            }
            case "BatchNorm1d": {
                Set<String> keys = Set.of("type", "num_features", "eps", "momentum", "affine");
                JsonFields.keys(json, where, keys, keys);
                Object momentum = json.get("momentum"); // null: PyTorch's cumulative average
                return new BatchNorm1d(features(json, "num_features", where), JsonFields.number(json, "eps", where),
                        momentum == null ? Double.NaN : JsonFields.number(json, "momentum", where),
                        JsonFields.bool(json, "affine", where));
            }
            case "LayerNorm": {
                Set<String> keys = Set.of("type", "normalized_shape", "eps", "elementwise_affine");
                JsonFields.keys(json, where, keys, keys);
                return new LayerNorm(features(json, "normalized_shape", where), JsonFields.number(json, "eps", where),
                        JsonFields.bool(json, "elementwise_affine", where));
            }
            default: {
                if (!Activations.contains(type)) {
                    throw new IllegalArgumentException(where + ".type \"" + type + "\" is not a known module type; "
                            + "one of " + names());
                }
                Activations.Type activation = Activations.get(type, where + ".type");
                return activation.build(activation.read(json, TYPE, where));
            }
        }
    }

    /**
     * The parameters a leaf module of this description would have, counted (in 64 bits) before anything is
     * allocated, so a tiny file declaring Linear(1048576, 2047) is refused instead of filling the memory.
     */
    public static long declaredParameters(String type, Map<String, Object> json, String where) {
        switch (type) {
            case "Linear": {
                long in = features(json, "in_features", where);
                long out = features(json, "out_features", where);
                return in * out + (Boolean.FALSE.equals(json.get("bias")) ? 0 : out);
            }
            case "Net": {
                long in = features(json, "n_feature", where);
                long hidden = features(json, "n_hidden", where);
                long out = features(json, "n_output", where);
                return in * hidden + hidden + hidden * out + out;
            }
            case "BatchNorm1d":
                return 2L * features(json, "num_features", where);
            case "LayerNorm":
                return 2L * features(json, "normalized_shape", where);
            default:
                return 0;
        }
    }

    private static int features(Map<String, Object> json, String key, String where) {
        return JsonFields.integer(json, key, where, 1, MAX_FEATURES);
    }
}
