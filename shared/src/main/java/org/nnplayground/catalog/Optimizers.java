package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.nnplayground.optim.Adadelta;
import org.nnplayground.optim.Adagrad;
import org.nnplayground.optim.Adam;
import org.nnplayground.optim.AdamW;
import org.nnplayground.optim.Adamax;
import org.nnplayground.optim.NAdam;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.optim.RAdam;
import org.nnplayground.optim.RMSprop;
import org.nnplayground.optim.Rprop;
import org.nnplayground.optim.SGD;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * The optimizers a run or a checkpoint can name, with PyTorch 1.13's keyword arguments and defaults (read from
 * its source into the golden torch-defaults.json, which a test holds these to). Keywords are PyTorch's: flags are
 * booleans and {@code betas} a pair. The one place that knows them: the pages and the server get them from here.
 */
public final class Optimizers {
    /** One optimizer: its PyTorch name, keyword arguments and how to build it over parameters. */
    public static final class Type extends Entry {
        private final BiFunction<List<Tensor>, Options, Optimizer> factory;

        Type(String name, List<Option> options, BiFunction<List<Tensor>, Options, Optimizer> factory) {
            super(name, options);
            this.factory = factory;
        }

        /** Reads keyword arguments from a JSON object, skipping the caller's own keys ({@code other}). */
        @Override
        public Options read(Map<String, Object> json, Set<String> other, String where) {
            Options values = super.read(json, other, where);
            try {
                // Build once on a dummy parameter: the optimizer's own checks give PyTorch's messages.
                build(List.of(Tensor.zeros(1).requiresGrad(true)), values);
            } catch (IllegalArgumentException e) {
                // PyTorch's own words ("Invalid beta parameter at index 0: 1.5"), in a frame a page can translate.
                throw new CodedError("optimizer.invalid", where + ": " + e.getMessage(), "field", where, "problem", e.getMessage());
            }
            return values;
        }

        public Optimizer build(List<Tensor> params, Options values) {
            return factory.apply(params, values);
        }
    }

    private static final Registry<Type> ALL = new Registry<>(Type::name);
    /** PyTorch's maximize (torch 1.13 has it on every optimizer here but NAdam and RAdam). */
    private static final Option MAXIMIZE = Option.flag("maximize", false);
    private static final Option BETAS = Option.pair("betas", 0.9, 0.999);

    static {
        ALL.add(new Type("SGD", List.of(Option.requiredNumber("lr"), Option.number("momentum", 0),
                Option.number("dampening", 0), Option.number("weight_decay", 0), Option.flag("nesterov", false), MAXIMIZE),
                (p, o) -> new SGD(p, o.number("lr"), new SGD.Options().momentum(o.number("momentum"))
                        .dampening(o.number("dampening")).weightDecay(o.number("weight_decay"))
                        .nesterov(o.flag("nesterov"))).maximizing(o.flag("maximize"))));
        ALL.add(new Type("Adagrad", List.of(Option.number("lr", 1e-2), Option.number("lr_decay", 0),
                Option.number("weight_decay", 0), Option.number("initial_accumulator_value", 0), Option.number("eps", 1e-10),
                MAXIMIZE),
                (p, o) -> new Adagrad(p, new Adagrad.Options().lr(o.number("lr")).lrDecay(o.number("lr_decay"))
                        .weightDecay(o.number("weight_decay"))
                        .initialAccumulatorValue(o.number("initial_accumulator_value")).eps(o.number("eps")))
                        .maximizing(o.flag("maximize"))));
        ALL.add(new Type("RMSprop", List.of(Option.number("lr", 1e-2), Option.number("alpha", 0.99), Option.number("eps", 1e-8),
                Option.number("weight_decay", 0), Option.number("momentum", 0), Option.flag("centered", false), MAXIMIZE),
                (p, o) -> new RMSprop(p, new RMSprop.Options().lr(o.number("lr")).alpha(o.number("alpha"))
                        .eps(o.number("eps")).weightDecay(o.number("weight_decay")).momentum(o.number("momentum"))
                        .centered(o.flag("centered"))).maximizing(o.flag("maximize"))));
        ALL.add(new Type("Adam", adamOptions(0),
                (p, o) -> new Adam(p, adam(new Adam.Options(), o)).maximizing(o.flag("maximize"))));
        ALL.add(new Type("AdamW", adamOptions(1e-2),
                (p, o) -> new AdamW(p, adam(new AdamW.Options(), o)).maximizing(o.flag("maximize"))));
        ALL.add(new Type("NAdam", List.of(Option.number("lr", 2e-3), BETAS, Option.number("eps", 1e-8),
                Option.number("weight_decay", 0), Option.number("momentum_decay", 4e-3)),
                (p, o) -> new NAdam(p, new NAdam.Options().lr(o.number("lr")).betas(o.pair("betas", 0), o.pair("betas", 1))
                        .eps(o.number("eps")).weightDecay(o.number("weight_decay")).momentumDecay(o.number("momentum_decay")))));
        ALL.add(new Type("RAdam", List.of(Option.number("lr", 1e-3), BETAS, Option.number("eps", 1e-8),
                Option.number("weight_decay", 0)),
                (p, o) -> new RAdam(p, new RAdam.Options().lr(o.number("lr")).betas(o.pair("betas", 0), o.pair("betas", 1))
                        .eps(o.number("eps")).weightDecay(o.number("weight_decay")))));
        ALL.add(new Type("Adamax", List.of(Option.number("lr", 2e-3), BETAS, Option.number("eps", 1e-8),
                Option.number("weight_decay", 0), MAXIMIZE),
                (p, o) -> new Adamax(p, new Adamax.Options().lr(o.number("lr")).betas(o.pair("betas", 0), o.pair("betas", 1))
                        .eps(o.number("eps")).weightDecay(o.number("weight_decay"))).maximizing(o.flag("maximize"))));
        ALL.add(new Type("Adadelta", List.of(Option.number("lr", 1.0), Option.number("rho", 0.9), Option.number("eps", 1e-6),
                Option.number("weight_decay", 0), MAXIMIZE),
                (p, o) -> new Adadelta(p, new Adadelta.Options().lr(o.number("lr")).rho(o.number("rho")).eps(o.number("eps"))
                        .weightDecay(o.number("weight_decay"))).maximizing(o.flag("maximize"))));
        ALL.add(new Type("Rprop", List.of(Option.number("lr", 1e-2), Option.pair("etas", 0.5, 1.2),
                Option.pair("step_sizes", 1e-6, 50), MAXIMIZE),
                (p, o) -> new Rprop(p, new Rprop.Options().lr(o.number("lr")).etas(o.pair("etas", 0), o.pair("etas", 1))
                        .stepSizes(o.pair("step_sizes", 0), o.pair("step_sizes", 1))).maximizing(o.flag("maximize"))));
    }

    private static Adam.Options adam(Adam.Options into, Options o) {
        return into.lr(o.number("lr")).betas(o.pair("betas", 0), o.pair("betas", 1)).eps(o.number("eps"))
                .weightDecay(o.number("weight_decay")).amsgrad(o.flag("amsgrad"));
    }

    private static List<Option> adamOptions(double weightDecay) {
        return List.of(Option.number("lr", 1e-3), BETAS, Option.number("eps", 1e-8),
                Option.number("weight_decay", weightDecay), Option.flag("amsgrad", false), MAXIMIZE);
    }

    private Optimizers() {
    }

    public static List<String> names() {
        return ALL.names();
    }

    /** The named optimizer; {@code where} names the field in the error for an unknown one. */
    public static Type get(String name, String where) {
        return ALL.get(name, where);
    }

    /** An optimizer from PyTorch keyword arguments, e.g. {@code {"lr": 0.01, "betas": [0.9, 0.99]}}. */
    public static Optimizer create(String name, List<Tensor> params, Map<String, Object> kwargs) {
        Type type = get(name, "optimizer");
        return type.build(params, Options.read(kwargs, type.options(), Set.of(), name));
    }

    /**
     * An optimizer's hyperparameters as PyTorch keyword arguments: {@link Optimizer#hyperparameters()} lists
     * numbers only (betas as beta1 and beta2, flags as 0 and 1), as checkpoints before version 2 stored them.
     */
    public static Map<String, Object> kwargs(String name, Map<String, ?> numbers) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> pairKeys = new ArrayList<>();
        for (Option option : get(name, "optimizer").options()) {
            String stem = option.name().endsWith("s") // betas: beta1 and beta2
                    ? option.name().substring(0, option.name().length() - 1) : option.name();
            if (option.kind() == Option.Kind.PAIR && numbers.containsKey(stem + "1") && numbers.containsKey(stem + "2")) {
                out.put(option.name(), List.of(numbers.get(stem + "1"), numbers.get(stem + "2")));
                pairKeys.add(stem + "1");
                pairKeys.add(stem + "2");
            } else if (numbers.containsKey(option.name())) {
                Object value = numbers.get(option.name());
                boolean legacyFlag = option.kind() == Option.Kind.FLAG && value instanceof Number;
                out.put(option.name(), legacyFlag ? ((Number) value).doubleValue() != 0 : value);
            }
        }
        for (String key : numbers.keySet()) {
            if (!out.containsKey(key) && !pairKeys.contains(key)) {
                out.put(key, numbers.get(key)); // unknown: left for reading to refuse with its name
            }
        }
        return out;
    }

    static List<Type> all() {
        return ALL.all();
    }
}
