package org.nnplayground.data;

import org.nnplayground.random.Generator;

/** A dataset divided at random into a training part and a held-out test part. */
public final class TrainTestSplit {
    private final TensorDataset train;
    private final TensorDataset test;
    private final int[] trainRows;
    private final int[] testRows;

    private TrainTestSplit(TensorDataset train, TensorDataset test, int[] trainRows, int[] testRows) {
        this.train = train;
        this.test = test;
        this.trainRows = trainRows;
        this.testRows = testRows;
    }

    /**
     * Shuffles the rows with {@code generator} and puts round(n·testFraction) of them in the test part;
     * both parts must end up non-empty.
     */
    public static TrainTestSplit of(TensorDataset dataset, double testFraction, Generator generator) {
        int n = dataset.size();
        int testSize = testSize(n, testFraction);
        int[] order = generator.permutation(n);
        int[] testRows = new int[testSize];
        int[] trainRows = new int[n - testSize];
        System.arraycopy(order, 0, testRows, 0, testSize);
        System.arraycopy(order, testSize, trainRows, 0, n - testSize);
        Batch trainPart = dataset.rows(trainRows);
        Batch testPart = dataset.rows(testRows);
        return new TrainTestSplit(new TensorDataset(trainPart.x(), trainPart.y()),
                new TensorDataset(testPart.x(), testPart.y()), trainRows, testRows);
    }

    /** How many of {@code n} points a fraction holds out: round(n·fraction), refused if either part would be empty. */
    public static int testSize(int n, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
        int testSize = (int) Math.round(n * testFraction);
        if (testSize == 0 || testSize == n) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " leaves an empty part of "
                    + n + " points");
        }
        return testSize;
    }

    public TensorDataset train() {
        return train;
    }

    public TensorDataset test() {
        return test;
    }

    /** The training part's rows in the whole dataset, in the training part's order. */
    public int[] trainRows() {
        return trainRows.clone();
    }

    /** The test part's rows in the whole dataset. */
    public int[] testRows() {
        return testRows.clone();
    }
}
