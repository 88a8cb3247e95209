package org.nnplayground.catalog;

import java.util.List;
import java.util.function.BiFunction;
import org.nnplayground.nn.BatchNorm1d;
import org.nnplayground.nn.LayerNorm;
import org.nnplayground.nn.Module;

/**
 * The normalisation layers a hidden layer can put between its Linear and its activation, with torch 1.13's
 * keyword arguments and defaults: {@code BatchNorm1d} (running statistics, train/eval) and {@code LayerNorm}.
 */
public final class Norms {
    /** One normalisation: its PyTorch name, options and how to build it over a layer's units. */
    public static final class Type extends Entry {
        private final BiFunction<Integer, Options, Module> factory;

        Type(String name, List<Option> options, BiFunction<Integer, Options, Module> factory) {
            super(name, options);
            this.factory = factory;
        }

        /** The layer over {@code units} features. */
        public Module build(int units, Options values) {
            return factory.apply(units, values);
        }

        /** Whether it mixes the rows of a batch (so a batch cannot be split over workers). */
        public boolean mixesRows() {
            return name().equals("BatchNorm1d");
        }
    }

    private static final Registry<Type> ALL = new Registry<>(Type::name);

    static {
        ALL.add(new Type("BatchNorm1d", List.of(Option.number("eps", 1e-5), Option.number("momentum", 0.1)),
                (units, o) -> new BatchNorm1d(units, o.number("eps"), o.number("momentum"), true)));
        ALL.add(new Type("LayerNorm", List.of(Option.number("eps", 1e-5)),
                (units, o) -> new LayerNorm(units, o.number("eps"), true)));
    }

    private Norms() {
    }

    public static List<String> names() {
        return ALL.names();
    }

    public static boolean contains(String name) {
        return ALL.contains(name);
    }

    public static Type get(String name, String where) {
        return ALL.get(name, where);
    }

    static List<Type> all() {
        return ALL.all();
    }
}
