package org.nnplayground.catalog;

import java.util.List;
import java.util.function.Function;
import org.nnplayground.nn.CELU;
import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.Hardtanh;
import org.nnplayground.nn.Identity;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.LogSoftmax;
import org.nnplayground.nn.Mish;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.PReLU;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.ReLU6;
import org.nnplayground.nn.SELU;
import org.nnplayground.nn.SiLU;
import org.nnplayground.nn.Sigmoid;
import org.nnplayground.nn.Softmax;
import org.nnplayground.nn.Softplus;
import org.nnplayground.nn.Tanh;

/** The activation layers a run, a checkpoint or a page can name, each with its PyTorch options and defaults. */
public final class Activations {
    /** One activation: its PyTorch name, options and how to build it. */
    public static final class Type extends Entry {
        private final Function<Options, Module> factory;

        Type(String name, List<Option> options, Function<Options, Module> factory) {
            super(name, options);
            this.factory = factory;
        }

        public Module build(Options values) {
            return factory.apply(values);
        }
    }

    private static final Registry<Type> ALL = new Registry<>(Type::name);

    static {
        ALL.add(new Type("ReLU", List.of(), o -> new ReLU()));
        ALL.add(new Type("LeakyReLU", List.of(Option.number("negative_slope", 0.01)),
                o -> new LeakyReLU(o.number("negative_slope"))));
        ALL.add(new Type("Tanh", List.of(), o -> new Tanh()));
        ALL.add(new Type("Sigmoid", List.of(), o -> new Sigmoid()));
        ALL.add(new Type("ELU", List.of(Option.number("alpha", 1.0)), o -> new ELU(o.number("alpha"))));
        ALL.add(new Type("GELU", List.of(Option.choice("approximate", "none", "none", "tanh")),
                o -> new GELU(o.string("approximate"))));
        ALL.add(new Type("Softplus", List.of(Option.number("beta", 1.0), Option.number("threshold", 20.0)),
                o -> new Softplus(o.number("beta"), o.number("threshold"))));
        ALL.add(new Type("SiLU", List.of(), o -> new SiLU()));
        ALL.add(new Type("Mish", List.of(), o -> new Mish()));
        ALL.add(new Type("ReLU6", List.of(), o -> new ReLU6()));
        ALL.add(new Type("Hardtanh", List.of(Option.number("min_val", -1.0), Option.number("max_val", 1.0)),
                o -> new Hardtanh(o.number("min_val"), o.number("max_val"))));
        ALL.add(new Type("SELU", List.of(), o -> new SELU()));
        ALL.add(new Type("CELU", List.of(Option.number("alpha", 1.0)), o -> new CELU(o.number("alpha"))));
        ALL.add(new Type("PReLU", List.of(Option.number("num_parameters", 1), Option.number("init", 0.25)),
                o -> new PReLU(slopes(o.number("num_parameters")), o.number("init"))));
        ALL.add(new Type("Softmax", List.of(), o -> new Softmax()));
        ALL.add(new Type("LogSoftmax", List.of(), o -> new LogSoftmax()));
        ALL.add(new Type("Identity", List.of(), o -> new Identity()));
    }

    private Activations() {
    }

    /** PReLU's num_parameters: a whole number, 1 (one slope for all) or the layer's units. */
    private static int slopes(double value) {
        if (value != Math.rint(value) || value < 1 || value > 1 << 20) {
            throw new IllegalArgumentException("PReLU's num_parameters must be a whole number of at least 1, got " + value);
        }
        return (int) value;
    }

    public static List<String> names() {
        return ALL.names();
    }

    public static boolean contains(String name) {
        return ALL.contains(name);
    }

    /** The named activation; {@code where} names the field in the error for an unknown one. */
    public static Type get(String name, String where) {
        return ALL.get(name, where);
    }

    static List<Type> all() {
        return ALL.all();
    }
}
