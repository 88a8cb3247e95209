package org.nnplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/** Batching, shuffling from a seed, drop-last, splits, and the synthetic datasets' shapes and labels. */
class DataLoaderTest {
    private final TensorDataset ten = new TensorDataset(Tensor.linspace(0, 9, 10).unsqueeze(1), Tensor.linspace(0, 9, 10));

    @Test
    void inOrderBatchesKeepTheShortLastBatch() {
        List<Integer> sizes = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        for (Batch batch : new DataLoader(ten, 4)) {
            sizes.add(batch.size());
            firsts.add(batch.x().get(0));
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0.0, 4.0, 8.0), firsts);
    }

    @Test
    void dropLastDiscardsTheShortBatch() {
        assertEquals(2, new DataLoader(ten, 4, false, true, null).nextEpochOrder().size());
    }

    @Test
    void shuffleIsAPermutationFixedByTheSeedAndNewEachEpoch() {
        DataLoader a = new DataLoader(ten, 3, true, new Generator(5));
        DataLoader b = new DataLoader(ten, 3, true, new Generator(5));
        int[] epoch1 = flatten(a.nextEpochOrder());
        assertArrayEquals(epoch1, flatten(b.nextEpochOrder()));
        int[] sorted = epoch1.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        assertNotEquals(Arrays.toString(epoch1), Arrays.toString(flatten(a.nextEpochOrder())));
    }

    @Test
    void batchesPairInputsWithTheirTargets() {
        for (Batch batch : new DataLoader(ten, 3, true, new Generator(1))) {
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(batch.x().get(i), batch.y().get(i));
            }
        }
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void badLoaderAndDatasetSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(ten, 0));
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(0, 1), Tensor.zeros(0)));
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(3, 1), Tensor.zeros(2)));
        assertThrows(IllegalArgumentException.class, () -> Datasets.parabola(10, Double.NaN, new Generator(0)));
        assertThrows(IllegalArgumentException.class, () -> Datasets.circle(0, 0.1, new Generator(0)));
    }

    @Test
    void trainTestSplitPartitionsTheRows() {
        TrainTestSplit split = TrainTestSplit.of(ten, 0.3, new Generator(2));
        assertEquals(7, split.train().size());
        assertEquals(3, split.test().size());
        double total = split.train().targets().sum().item() + split.test().targets().sum().item();
        assertEquals(45.0, total);
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(ten, 1.0, new Generator(2)));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(ten, 0.01, new Generator(2)));
    }

    @Test
    void classificationDatasetsHaveTwoBalancedClassesInTwoDimensions() {
        Generator g = new Generator(3);
        for (TensorDataset d : List.of(Datasets.clusters(50, 1, g), Datasets.circle(100, 0.05, g), Datasets.xor(100, 0.05, g),
                Datasets.spiral(100, 0.05, g), Datasets.moons(100, 0.05, g))) {
            assertEquals(100, d.size());
            assertEquals(2, d.inputs().size(1));
            double ones = d.targets().sum().item();
            assertTrue(ones > 20 && ones < 80, "both classes present: " + ones);
        }
    }

    @Test
    void courseDatasetsHaveTheCoursesShapes() {
        Generator g = new Generator(1);
        TensorDataset parabola = Datasets.parabola(100, 0.2, g);
        assertArrayEquals(new int[] {100, 1}, parabola.inputs().shape());
        for (int i = 0; i < 100; i++) {
            double x = parabola.inputs().get(i);
            double noise = parabola.targets().get(i) - x * x;
            assertTrue(noise >= 0 && noise < 0.2, "uniform noise in [0, 0.2)");
        }
        assertEquals(-1.0, parabola.inputs().get(0));
        assertEquals(1.0, parabola.inputs().get(99));
        assertArrayEquals(new double[] {2, 4, 6}, Datasets.line().targets().toArray());
        assertArrayEquals(new int[] {1000, 1}, Datasets.parabolaGaussian(1000, 0.1, g).targets().shape());
        assertArrayEquals(new int[] {50, 1}, Datasets.sine(50, 0.1, g).targets().shape());
    }
}
