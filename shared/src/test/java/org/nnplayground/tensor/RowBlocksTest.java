package org.nnplayground.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnplayground.random.Generator;

/** Sums over rows by a fixed tree of blocks: a batch split along the tree sums to the same bits. */
class RowBlocksTest {
    /** Values of very different sizes, so that the order of additions shows in the last bits. */
    private static double[] values(int rows, long seed) {
        Generator generator = new Generator(seed);
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = (generator.uniform() - 0.5) * Math.pow(10, (int) (generator.uniform() * 12) - 6);
        }
        return values;
    }

    private static double treeSum(double[] values, int from, int to) {
        double[] total = new double[1];
        RowBlocks.sum(from, to, total, (a, b, into) -> {
            for (int i = a; i < b; i++) {
                into[0] += values[i];
            }
        });
        return total[0];
    }

    @Test
    void aBatchOfOneBlockIsSummedInRowOrder() {
        double[] values = values(RowBlocks.BLOCK, 1);
        double plain = 0;
        for (double v : values) {
            plain += v;
        }
        assertEquals(plain, treeSum(values, 0, values.length));
    }

    @Test
    void partsCutWhereSplitsSaysAddUpToTheWholeSumBitForBit() {
        for (int rows : new int[] {300, 512, 1000, 2000, 2049, 5000}) {
            double[] values = values(rows, rows);
            double whole = treeSum(values, 0, rows);
            for (int parts : new int[] {2, 4, 8}) {
                int[] cuts = RowBlocks.splits(rows, parts);
                assertEquals(0, cuts[0]);
                assertEquals(rows, cuts[parts]);
                assertEquals(whole, addAsTheTree(values, cuts, 0, parts), rows + " rows in " + parts + " parts");
            }
        }
    }

    /** The parts' sums added pairwise, each half first, empty parts left out. */
    private static double addAsTheTree(double[] values, int[] cuts, int first, int parts) {
        if (parts == 1) {
            return cuts[first] == cuts[first + 1] ? Double.NaN : treeSum(values, cuts[first], cuts[first + 1]);
        }
        double left = addAsTheTree(values, cuts, first, parts / 2);
        double right = addAsTheTree(values, cuts, first + parts / 2, parts / 2);
        return Double.isNaN(left) ? right : Double.isNaN(right) ? left : left + right;
    }

    @Test
    void aSplitAnywhereElseOrASumInPlainOrderWouldDiffer() {
        double[] values = values(2000, 3);
        double whole = treeSum(values, 0, 2000);
        double plain = 0;
        for (double v : values) {
            plain += v;
        }
        assertNotEquals(whole, plain, "the tree changes the order of additions (else this test shows nothing)");
        assertNotEquals(whole, treeSum(values, 0, 1000) + treeSum(values, 1000, 2000), "a cut off the tree");
    }

    @Test
    void theWeightGradientOfASplitBatchIsTheWholeBatchsBitForBit() {
        int rows = 1500;
        int in = 5;
        int out = 7;
        Generator generator = new Generator(11);
        double[] g = new double[rows * out];
        double[] x = new double[rows * in];
        for (int i = 0; i < g.length; i++) {
            g[i] = generator.uniform() - 0.5;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (generator.uniform() - 0.5) * 100;
        }
        double[] whole = new double[out * in];
        ArrayPool pool = new ArrayPool();
        LinearKernels.gradWeight(g, x, new double[out * in], rows, in, out, pool);
        // The second sum's scratch arrays come back from the pool dirty from the first: they must be cleared.
        LinearKernels.gradWeight(g, x, whole, rows, in, out, pool);
        int[] cuts = RowBlocks.splits(rows, 2);
        double[] left = new double[out * in];
        double[] right = new double[out * in];
        LinearKernels.gradWeight(g, x, left, cuts[1], in, out, null);
        double[] gTail = java.util.Arrays.copyOfRange(g, cuts[1] * out, rows * out);
        double[] xTail = java.util.Arrays.copyOfRange(x, cuts[1] * in, rows * in);
        LinearKernels.gradWeight(gTail, xTail, right, rows - cuts[1], in, out, null);
        for (int i = 0; i < left.length; i++) {
            left[i] += right[i];
        }
        assertArrayEquals(whole, left);
    }

    @Test
    void partsMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> RowBlocks.splits(1000, 3));
    }
}
