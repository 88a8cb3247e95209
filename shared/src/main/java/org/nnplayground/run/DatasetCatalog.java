package org.nnplayground.run;

import java.util.List;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.Datasets;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/** The datasets a run can name, with what each is: regression (1 → 1) or two-class classification (2 → classes). */
public final class DatasetCatalog {
    private static final List<String> REGRESSION = List.of("parabola", "parabola-gaussian", "line", "sine");
    private static final List<String> CLASSIFICATION = List.of("clusters", "circle", "xor", "spiral", "moons");

    private DatasetCatalog() {
    }

    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>(REGRESSION);
        all.addAll(CLASSIFICATION);
        return all;
    }

    public static boolean isKnown(String name) {
        return REGRESSION.contains(name) || CLASSIFICATION.contains(name) || RunConfig.DatasetSpec.CUSTOM.equals(name);
    }

    public static boolean isClassification(String name) {
        return CLASSIFICATION.contains(name);
    }

    /** Builds the dataset; for clusters {@code n} counts both classes together. */
    public static TensorDataset build(RunConfig.DatasetSpec spec) {
        if (spec.points() != null) {
            CsvData p = spec.points();
            Tensor targets = p.isClassification() ? Tensor.of(p.targets(), p.rows()) : Tensor.of(p.targets(), p.rows(), 1);
            return new TensorDataset(Tensor.of(p.inputs(), p.rows(), p.features()), targets);
        }
        Generator g = new Generator(spec.seed());
        switch (spec.name()) {
            case "parabola":
                return Datasets.parabola(spec.n(), spec.noise(), g);
            case "parabola-gaussian":
                return Datasets.parabolaGaussian(spec.n(), spec.noise(), g);
            case "line":
                return Datasets.line();
            case "sine":
                return Datasets.sine(spec.n(), spec.noise(), g);
            case "clusters":
                return Datasets.clusters(Math.max(1, spec.n() / 2), spec.noise(), g);
            case "circle":
                return Datasets.circle(spec.n(), spec.noise(), g);
            case "xor":
                return Datasets.xor(spec.n(), spec.noise(), g);
            case "spiral":
                return Datasets.spiral(spec.n(), spec.noise(), g);
            case "moons":
                return Datasets.moons(spec.n(), spec.noise(), g);
            default:
                throw new IllegalArgumentException("unknown dataset \"" + spec.name() + "\"; choose one of " + names());
        }
    }
}
