package org.nnplayground.catalog;

import java.util.List;
import org.nnplayground.data.Datasets;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.random.Generator;

/**
 * The built-in datasets a run can name: regression (one input, one value) or two-class classification (two
 * inputs), each drawn from its size, noise and generator. Runs may also bring their own points ("custom").
 */
public final class DatasetTypes {
    /** Draws a dataset of about {@code n} points with {@code noise}. */
    interface Maker {
        TensorDataset make(int n, double noise, Generator generator);
    }

    /** One dataset: its name, task and how to draw it. */
    public static final class Type {
        private final String name;
        private final boolean classification;
        private final Maker maker;

        Type(String name, boolean classification, Maker maker) {
            this.name = name;
            this.classification = classification;
            this.maker = maker;
        }

        public String name() {
            return name;
        }

        public boolean isClassification() {
            return classification;
        }

        /** Inputs per point. */
        public int features() {
            return classification ? 2 : 1;
        }

        /** Classes of a classification set (every built-in one has two); 0 for regression. */
        public int classes() {
            return classification ? 2 : 0;
        }

        public TensorDataset build(int n, double noise, long seed) {
            return maker.make(n, noise, new Generator(seed));
        }
    }

    /** The name of a run's own points. */
    public static final String CUSTOM = "custom";
    private static final Registry<Type> ALL = new Registry<>(Type::name);

    static {
        ALL.add(new Type("parabola", false, Datasets::parabola));
        ALL.add(new Type("parabola-gaussian", false, Datasets::parabolaGaussian));
        ALL.add(new Type("line", false, (n, noise, g) -> Datasets.line()));
        ALL.add(new Type("sine", false, Datasets::sine));
        // n counts both clusters together: an odd n gives one point fewer.
        ALL.add(new Type("clusters", true, (n, noise, g) -> Datasets.clusters(Math.max(1, n / 2), noise, g)));
        ALL.add(new Type("circle", true, Datasets::circle));
        ALL.add(new Type("xor", true, Datasets::xor));
        ALL.add(new Type("spiral", true, Datasets::spiral));
        ALL.add(new Type("moons", true, Datasets::moons));
    }

    private DatasetTypes() {
    }

    /** The built-in names, regression first. */
    public static List<String> names() {
        return ALL.names();
    }

    /** A built-in dataset; an unknown name is refused with every name a run may use, "custom" included. */
    public static Type get(String name, String where) {
        if (!ALL.contains(name)) {
            List<String> known = names();
            known.add(CUSTOM);
            throw new IllegalArgumentException(where + " must be one of " + known + ", got " + name);
        }
        return ALL.get(name, where);
    }

    static List<Type> all() {
        return ALL.all();
    }
}
