package org.nnplayground.optim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.tensor.Tensor;

/**
 * Builds an optimizer from its PyTorch name and hyperparameters given by PyTorch's keyword names
 * ({@code lr}, {@code momentum}, {@code betas} as {@code beta1}/{@code beta2}, ...); what is not given
 * takes PyTorch's default. Used wherever a run is described as data (browser, server, files).
 */
public final class Optimizers {
    private static final Set<String> SGD_KEYS = Set.of("lr", "momentum", "dampening", "weight_decay", "nesterov");
    private static final Set<String> ADAGRAD_KEYS = Set.of("lr", "lr_decay", "weight_decay",
            "initial_accumulator_value", "eps");
    private static final Set<String> RMSPROP_KEYS = Set.of("lr", "alpha", "eps", "weight_decay", "momentum", "centered");
    private static final Set<String> ADAM_KEYS = Set.of("lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad");

    private Optimizers() {
    }

    /** The names this factory knows. */
    public static List<String> names() {
        return List.of("SGD", "Adagrad", "RMSprop", "Adam", "AdamW");
    }

    public static Optimizer create(String name, List<Tensor> params, Map<String, Double> hyper) {
        switch (name == null ? "" : name) {
            case "SGD":
                check(name, hyper, SGD_KEYS);
                if (!hyper.containsKey("lr")) {
                    throw new IllegalArgumentException("SGD needs a learning rate (lr has no default)");
                }
                return new SGD(params, hyper.get("lr"), get(hyper, "momentum", 0), get(hyper, "dampening", 0),
                        get(hyper, "weight_decay", 0), flag(hyper, "nesterov"));
            case "Adagrad":
                check(name, hyper, ADAGRAD_KEYS);
                return new Adagrad(params, get(hyper, "lr", 1e-2), get(hyper, "lr_decay", 0),
                        get(hyper, "weight_decay", 0), get(hyper, "initial_accumulator_value", 0),
                        get(hyper, "eps", 1e-10));
            case "RMSprop":
                check(name, hyper, RMSPROP_KEYS);
                return new RMSprop(params, get(hyper, "lr", 1e-2), get(hyper, "alpha", 0.99), get(hyper, "eps", 1e-8),
                        get(hyper, "weight_decay", 0), get(hyper, "momentum", 0), flag(hyper, "centered"));
            case "Adam":
                check(name, hyper, ADAM_KEYS);
                return new Adam(params, get(hyper, "lr", 1e-3), get(hyper, "beta1", 0.9), get(hyper, "beta2", 0.999),
                        get(hyper, "eps", 1e-8), get(hyper, "weight_decay", 0), flag(hyper, "amsgrad"));
            case "AdamW":
                check(name, hyper, ADAM_KEYS);
                return new AdamW(params, get(hyper, "lr", 1e-3), get(hyper, "beta1", 0.9), get(hyper, "beta2", 0.999),
                        get(hyper, "eps", 1e-8), get(hyper, "weight_decay", 1e-2), flag(hyper, "amsgrad"));
            default:
                throw new IllegalArgumentException("unknown optimizer \"" + name + "\"; choose one of " + names());
        }
    }

    private static void check(String name, Map<String, Double> hyper, Set<String> allowed) {
        for (Map.Entry<String, Double> entry : hyper.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new IllegalArgumentException(name + " has no hyperparameter \"" + entry.getKey() + "\"");
            }
            if (entry.getValue() == null || entry.getValue().isNaN()) {
                throw new IllegalArgumentException(name + " hyperparameter " + entry.getKey() + " must be a number, got "
                        + entry.getValue());
            }
        }
    }

    private static double get(Map<String, Double> hyper, String key, double fallback) {
        Double value = hyper.get(key);
        return value == null ? fallback : value;
    }

    private static boolean flag(Map<String, Double> hyper, String key) {
        return get(hyper, key, 0) != 0;
    }
}
