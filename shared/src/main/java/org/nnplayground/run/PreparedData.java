package org.nnplayground.run;

import java.util.List;
import org.nnplayground.data.InputFeatures;
import org.nnplayground.data.Standardizer;
import org.nnplayground.data.TensorDataset;
import org.nnplayground.data.TrainTestSplit;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/**
 * A run's points, made once from its configuration: every point as given (targets shaped for the loss), the
 * rows of the training and the test part, and both parts as the networks see them (inputs standardized with
 * the training part's statistics when the configuration asks).
 */
final class PreparedData {
    private final TensorDataset all;
    private final int[] trainRows;
    private final int[] testRows;
    private final Standardizer standardizer;
    private final List<String> features;
    private final TensorDataset train;
    private final TensorDataset test;

    PreparedData(RunConfig config) {
        features = config.inputFeatures();
        all = config.lossType().shapeTargets(config.dataset().build());
        TensorDataset trainRaw = all;
        TensorDataset testRaw = null;
        if (config.testFraction() > 0) {
            TrainTestSplit split = TrainTestSplit.of(all, config.testFraction(), new Generator(config.splitSeed()));
            trainRaw = split.train();
            testRaw = split.test();
            trainRows = split.trainRows();
            testRows = split.testRows();
        } else {
            trainRows = new int[all.size()];
            for (int i = 0; i < trainRows.length; i++) {
                trainRows[i] = i;
            }
            testRows = new int[0];
        }
        standardizer = config.standardize() ? Standardizer.fit(trainRaw.inputs()) : null;
        train = asSeen(trainRaw);
        test = testRaw == null ? null : asSeen(testRaw);
    }

    /** Inputs as the networks see them: standardized when the configuration asks, then made into its input features. */
    Tensor asSeen(Tensor inputs) {
        Tensor scaled = standardizer == null ? inputs : standardizer.apply(inputs);
        return features.isEmpty() ? scaled : InputFeatures.apply(features, scaled);
    }

    private TensorDataset asSeen(TensorDataset raw) {
        return standardizer == null && features.isEmpty() ? raw : new TensorDataset(asSeen(raw.inputs()), raw.targets());
    }

    TensorDataset all() {
        return all;
    }

    int[] trainRows() {
        return trainRows.clone();
    }

    /** The row of {@link #all()} behind row {@code i} of the training part. */
    int trainRow(int i) {
        return trainRows[i];
    }

    int[] testRows() {
        return testRows.clone();
    }

    Standardizer standardizer() {
        return standardizer;
    }

    TensorDataset train() {
        return train;
    }

    /** The test part, or null without a split. */
    TensorDataset test() {
        return test;
    }
}
