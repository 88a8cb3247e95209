package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.loss.BCEWithLogitsLoss;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.Loss;
import org.nnplayground.loss.MSELoss;

/**
 * The losses a run can name. Each owns what it asks of the network and the data: how many outputs for a
 * dataset with {@code classes} classes (0: regression), and the shape of its targets.
 */
public final class Losses {
    /** One loss: its PyTorch name, the task it serves, its outputs rule and its target shaping. */
    public abstract static class Type {
        private final String name;
        private final boolean classification;

        Type(String name, boolean classification) {
            this.name = name;
            this.classification = classification;
        }

        public String name() {
            return name;
        }

        public boolean forClassification() {
            return classification;
        }

        /** The network's outputs for a dataset of {@code classes} classes (0 for regression); refuses a misfit. */
        public abstract int outputs(int classes);

        /** The dataset with its targets as this loss reads them (the datasets give class indices [N] or values [N, 1]). */
        public TensorDataset shapeTargets(TensorDataset data) {
            return data;
        }

        public abstract Loss create();
    }

    private static final Registry<Type> ALL = new Registry<>(Type::name);

    static {
        ALL.add(new Type("MSELoss", false) {
            @Override
            public int outputs(int classes) {
                return 1;
            }

            @Override
            public Loss create() {
                return new MSELoss();
            }
        });
        ALL.add(new Type("CrossEntropyLoss", true) {
            @Override
            public int outputs(int classes) {
                return classes;
            }

            @Override
            public Loss create() {
                return new CrossEntropyLoss();
            }
        });
        ALL.add(new Type("BCEWithLogitsLoss", true) {
            @Override
            public int outputs(int classes) {
                if (classes != 2) {
                    throw new IllegalArgumentException("BCEWithLogitsLoss needs two classes; this dataset has " + classes
                            + " (use CrossEntropyLoss)");
                }
                return 1;
            }

            /** One float target per row, of shape [N, 1] like the single logit. */
            @Override
            public TensorDataset shapeTargets(TensorDataset data) {
                return new TensorDataset(data.inputs(), data.targets().unsqueeze(1).detach());
            }

            @Override
            public Loss create() {
                return new BCEWithLogitsLoss();
            }
        });
    }

    private Losses() {
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
