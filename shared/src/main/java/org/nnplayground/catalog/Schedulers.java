package org.nnplayground.catalog;

import java.util.List;
import java.util.function.BiFunction;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.optim.scheduler.CosineAnnealingLR;
import org.nnplayground.optim.scheduler.ExponentialLR;
import org.nnplayground.optim.scheduler.LRScheduler;
import org.nnplayground.optim.scheduler.LinearLR;
import org.nnplayground.optim.scheduler.MultiStepLR;
import org.nnplayground.optim.scheduler.OneCycleLR;
import org.nnplayground.optim.scheduler.ReduceLROnPlateau;
import org.nnplayground.optim.scheduler.StepLR;

/**
 * The learning-rate schedulers a run can name, with torch 1.13's keyword arguments and defaults, and when
 * PyTorch's documentation steps each: after every epoch ({@code scheduler.step()} after the epoch's batches;
 * ReduceLROnPlateau with the epoch's loss) or, for OneCycleLR, after every update.
 */
public final class Schedulers {
    /** A schedule over one optimizer: {@link #step} is called when its type says, with the epoch's mean loss. */
    public interface Schedule {
        void step(double epochLoss);
    }

    /** One scheduler: its PyTorch name, keyword arguments, step rhythm and how to build it over an optimizer. */
    public static final class Type extends Entry {
        private final boolean everyUpdate;
        private final BiFunction<Optimizer, Options, Schedule> factory;

        Type(String name, List<Option> options, boolean everyUpdate, BiFunction<Optimizer, Options, Schedule> factory) {
            super(name, options);
            this.everyUpdate = everyUpdate;
            this.factory = factory;
        }

        /** Whether it steps after every update (OneCycleLR) rather than after every epoch. */
        public boolean everyUpdate() {
            return everyUpdate;
        }

        /** The schedule over {@code optimizer}; it sets the optimizer's rate for epoch 0 at once, as PyTorch's does. */
        public Schedule build(Optimizer optimizer, Options values) {
            return factory.apply(optimizer, values);
        }
    }

    private static final Registry<Type> ALL = new Registry<>(Type::name);

    static {
        ALL.add(new Type("StepLR", List.of(Option.requiredNumber("step_size"), Option.number("gamma", 0.1)), false,
                (opt, o) -> epochly(new StepLR(opt, whole(o, "step_size"), o.number("gamma")))));
        ALL.add(new Type("MultiStepLR", List.of(Option.numbers("milestones"), Option.number("gamma", 0.1)), false,
                (opt, o) -> epochly(new MultiStepLR(opt, wholes(o, "milestones"), o.number("gamma")))));
        ALL.add(new Type("ExponentialLR", List.of(Option.requiredNumber("gamma")), false,
                (opt, o) -> epochly(new ExponentialLR(opt, o.number("gamma")))));
        ALL.add(new Type("CosineAnnealingLR", List.of(Option.requiredNumber("T_max"), Option.number("eta_min", 0)), false,
                (opt, o) -> epochly(new CosineAnnealingLR(opt, o.number("T_max"), o.number("eta_min")))));
        ALL.add(new Type("LinearLR", List.of(Option.number("start_factor", 1.0 / 3), Option.number("end_factor", 1.0),
                Option.number("total_iters", 5)), false,
                (opt, o) -> epochly(new LinearLR(opt, o.number("start_factor"), o.number("end_factor"), whole(o, "total_iters")))));
        ALL.add(new Type("OneCycleLR", List.of(Option.requiredNumber("max_lr"), Option.requiredNumber("total_steps"),
                Option.number("pct_start", 0.3), Option.choice("anneal_strategy", "cos", "cos", "linear"),
                Option.flag("cycle_momentum", true), Option.number("base_momentum", 0.85), Option.number("max_momentum", 0.95),
                Option.number("div_factor", 25.0), Option.number("final_div_factor", 1e4), Option.flag("three_phase", false)),
                true, (opt, o) -> epochly(new OneCycleLR(opt, o.number("max_lr"), whole(o, "total_steps"),
                        new OneCycleLR.Options().pctStart(o.number("pct_start")).annealStrategy(o.string("anneal_strategy"))
                                .cycleMomentum(o.flag("cycle_momentum")).momentum(o.number("base_momentum"), o.number("max_momentum"))
                                .divFactor(o.number("div_factor")).finalDivFactor(o.number("final_div_factor"))
                                .threePhase(o.flag("three_phase"))))));
        ALL.add(new Type("ReduceLROnPlateau", List.of(Option.choice("mode", "min", "min", "max"), Option.number("factor", 0.1),
                Option.number("patience", 10), Option.number("threshold", 1e-4), Option.choice("threshold_mode", "rel", "rel", "abs"),
                Option.number("cooldown", 0), Option.number("min_lr", 0), Option.number("eps", 1e-8)), false,
                (opt, o) -> {
                    ReduceLROnPlateau plateau = new ReduceLROnPlateau(opt, new ReduceLROnPlateau.Options().mode(o.string("mode"))
                            .factor(o.number("factor")).patience(whole(o, "patience")).threshold(o.number("threshold"))
                            .thresholdMode(o.string("threshold_mode")).cooldown(whole(o, "cooldown")).minLr(o.number("min_lr"))
                            .eps(o.number("eps")));
                    return plateau::step;
                }));
    }

    private Schedulers() {
    }

    /** A schedule that ignores the epoch's loss: {@code scheduler.step()}. */
    private static Schedule epochly(LRScheduler scheduler) {
        return epochLoss -> scheduler.step();
    }

    /** An option PyTorch takes as an int, checked to be a whole number. */
    private static int whole(Options o, String name) {
        double value = o.number(name);
        if (value != Math.rint(value) || Math.abs(value) > 1e9) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value);
        }
        return (int) value;
    }

    private static int[] wholes(Options o, String name) {
        double[] values = o.numbers(name);
        if (values == null) {
            throw new IllegalArgumentException("MultiStepLR needs " + name + " (the epochs where the rate drops)");
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i])) {
                throw new IllegalArgumentException(name + " must be whole numbers, got " + values[i]);
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    public static List<String> names() {
        return ALL.names();
    }

    public static Type get(String name, String where) {
        return ALL.get(name, where);
    }

    static List<Type> all() {
        return ALL.all();
    }
}
