package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.loss.BCELoss;
import org.nnplayground.loss.BCEWithLogitsLoss;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.HuberLoss;
import org.nnplayground.loss.L1Loss;
import org.nnplayground.loss.Loss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.loss.NLLLoss;
import org.nnplayground.loss.Reduction;
import org.nnplayground.loss.SmoothL1Loss;
import org.nnplayground.nn.LogSoftmax;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.Sigmoid;

/**
 * The losses a run can name, each with its PyTorch options. Each owns what it asks of the network and the data:
 * how many outputs for a dataset with {@code classes} classes (0: regression), the layer the network must end
 * in (a Sigmoid before BCELoss, a LogSoftmax before NLLLoss), and the shape of its targets.
 */
public final class Losses {
    /** A run trains on a reduced loss: 'none' is for code, not for a run. */
    private static final Option REDUCTION = Option.choice("reduction", "mean", "mean", "sum");

    /** One loss: its PyTorch name, the task it serves, its options, outputs rule, output layer and target shaping. */
    public static class Type extends Entry {
        private final boolean classification;
        private final Function<Options, Loss> factory;

        Type(String name, boolean classification, List<Option> options, Function<Options, Loss> factory) {
            super(name, options);
            this.classification = classification;
            this.factory = factory;
        }

        public boolean forClassification() {
            return classification;
        }

        /** Every option at PyTorch's default. */
        public Options defaults() {
            return Options.defaults(options());
        }

        /** The network's outputs for a dataset of {@code classes} classes (0 for regression); refuses a misfit. */
        public int outputs(int classes) {
            return classification ? classes : 1;
        }

        /** The layer the network ends in after its last Linear for this loss to read it, or null. */
        public Module outputLayer() {
            return null;
        }

        /** The dataset with its targets as this loss reads them (the datasets give class indices [N] or values [N, 1]). */
        public TensorDataset shapeTargets(TensorDataset data) {
            return data;
        }

        public Loss create(Options values) {
            return factory.apply(values);
        }
    }

    /** A loss of one probability or logit per row for two classes, its targets floats [N, 1]. */
    private static class BinaryType extends Type {
        BinaryType(String name, List<Option> options, Function<Options, Loss> factory) {
            super(name, true, options, factory);
        }

        @Override
        public int outputs(int classes) {
            if (classes != 2) {
                throw new IllegalArgumentException(name() + " needs two classes; this dataset has " + classes
                        + " (use CrossEntropyLoss)");
            }
            return 1;
        }

        @Override
        public TensorDataset shapeTargets(TensorDataset data) {
            return new TensorDataset(data.inputs(), data.targets().unsqueeze(1).detach());
        }
    }

    private static final Registry<Type> ALL = new Registry<>(Type::name);

    static {
        ALL.add(new Type("MSELoss", false, List.of(REDUCTION), o -> new MSELoss(reduction(o))));
        ALL.add(new Type("L1Loss", false, List.of(REDUCTION), o -> new L1Loss(reduction(o))));
        ALL.add(new Type("SmoothL1Loss", false, List.of(REDUCTION, Option.number("beta", 1.0)),
                o -> new SmoothL1Loss(reduction(o), o.number("beta"))));
        ALL.add(new Type("HuberLoss", false, List.of(REDUCTION, Option.number("delta", 1.0)),
                o -> new HuberLoss(reduction(o), o.number("delta"))));
        ALL.add(new Type("CrossEntropyLoss", true,
                List.of(REDUCTION, Option.numbers("weight"), Option.number("label_smoothing", 0.0)),
                o -> new CrossEntropyLoss(reduction(o), o.numbers("weight"), o.number("label_smoothing"))));
        ALL.add(new Type("NLLLoss", true, List.of(REDUCTION, Option.numbers("weight")),
                o -> new NLLLoss(reduction(o), o.numbers("weight"))) {
            @Override
            public Module outputLayer() {
                return new LogSoftmax();
            }
        });
        ALL.add(new BinaryType("BCEWithLogitsLoss", List.of(REDUCTION, Option.numbers("pos_weight")),
                o -> new BCEWithLogitsLoss(reduction(o), o.numbers("pos_weight"))));
        ALL.add(new BinaryType("BCELoss", List.of(REDUCTION), o -> new BCELoss(reduction(o))) {
            @Override
            public Module outputLayer() {
                return new Sigmoid();
            }
        });
    }

    private Losses() {
    }

    private static Reduction reduction(Options options) {
        return Reduction.fromPython(options.string("reduction"));
    }

    public static List<String> names() {
        return ALL.names();
    }

    /** The losses that fit a task, the natural one first. */
    public static List<String> namesFor(boolean classification) {
        List<String> names = new ArrayList<>();
        for (Type type : ALL.all()) {
            if (type.forClassification() == classification) {
                names.add(type.name());
            }
        }
        return names;
    }

    public static Type get(String name, String where) {
        return ALL.get(name, where);
    }

    static List<Type> all() {
        return ALL.all();
    }
}
