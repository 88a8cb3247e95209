package org.nnplayground.tensor;

/**
 * Sums over the rows of a batch in a fixed tree of blocks, so that the batch can be split over workers without
 * changing a bit. Rows go in blocks of {@link #BLOCK}; each block is summed in row order, and the block sums
 * are added pairwise: the sum of blocks [lo, hi) is the sum of [lo, mid) plus the sum of [mid, hi), where mid
 * leaves the largest power of two of blocks on the left. A batch of at most one block is summed in row order
 * as before. Rows split at {@link #splits} are then summed by separate workers into the tree's subtrees,
 * and adding those sums in order gives exactly the whole batch's sum.
 */
public final class RowBlocks {
    /** Rows per block: a mini-batch of the course (up to 256 rows) is one block, summed as it always was. */
    public static final int BLOCK = 256;

    /** Sums rows [from, to) of something into {@code into} (zeroed), in row order. */
    @FunctionalInterface
    public interface RowSum {
        void add(int from, int to, double[] into);
    }

    private RowBlocks() {
    }

    /** Sums rows [0, rows) into {@code into} (zeroed, of any length) by the tree. */
    public static void sum(int rows, double[] into, RowSum rowSum) {
        sum(0, rows, into, rowSum);
    }

    /** Sums rows [from, to) into {@code into} (zeroed) by the tree, as the part [from, to) of a larger batch. */
    public static void sum(int from, int to, double[] into, RowSum rowSum) {
        sum(from, to, into, rowSum, null);
    }

    /** As {@link #sum(int, int, double[], RowSum)}, with the tree's scratch arrays from {@code pool} (or new when null). */
    static void sum(int from, int to, double[] into, RowSum rowSum, ArrayPool pool) {
        if (to - from <= BLOCK) {
            rowSum.add(from, to, into);
            return;
        }
        double[][] scratch = new double[32 - Integer.numberOfLeadingZeros(blocks(to - from))][];
        sum(from, to, into, rowSum, scratch, 0, pool);
        if (pool != null) {
            for (double[] array : scratch) {
                if (array != null) {
                    pool.give(array);
                }
            }
        }
    }

    /** The tree's sum; each level's right-hand sums go into one scratch array of that depth, made once. */
    private static void sum(int from, int to, double[] into, RowSum rowSum, double[][] scratch, int depth,
            ArrayPool pool) {
        if (to - from <= BLOCK) {
            rowSum.add(from, to, into);
            return;
        }
        int mid = from + leftBlocks(blocks(to - from)) * BLOCK;
        sum(from, mid, into, rowSum, scratch, depth + 1, pool);
        double[] right = scratch[depth];
        if (right == null) {
            right = scratch[depth] = pool == null ? new double[into.length] : pool.take(into.length);
        } else {
            java.util.Arrays.fill(right, 0.0);
        }
        sum(mid, to, right, rowSum, scratch, depth + 1, pool);
        for (int i = 0; i < into.length; i++) {
            into[i] += right[i];
        }
    }

    /** A scalar summed over rows [0, rows) by the tree; {@code rowSum} adds its rows into element 0. */
    public static double sum(int rows, RowSum rowSum) {
        double[] total = new double[1];
        sum(0, rows, total, rowSum);
        return total[0];
    }

    /**
     * Where to cut {@code rows} rows into {@code parts} parts (a power of two) along the tree, so that summing
     * each part by the tree and adding the parts' sums in order (pairwise, as the tree does) gives the whole
     * sum: parts.length + 1 row indexes from 0 to rows. Parts may be empty when the batch has few blocks.
     */
    public static int[] splits(int rows, int parts) {
        if (parts < 1 || Integer.bitCount(parts) != 1) {
            throw new IllegalArgumentException("parts must be a power of two, got " + parts);
        }
        int[] cuts = new int[parts + 1];
        cut(0, rows, cuts, 0, parts);
        return cuts;
    }

    private static void cut(int from, int to, int[] cuts, int first, int parts) {
        cuts[first] = from;
        cuts[first + parts] = to;
        if (parts == 1) {
            return;
        }
        int mid = to - from <= BLOCK ? to : from + leftBlocks(blocks(to - from)) * BLOCK;
        cut(from, mid, cuts, first, parts / 2);
        cut(mid, to, cuts, first + parts / 2, parts / 2);
    }

    private static int blocks(int rows) {
        return (rows + BLOCK - 1) / BLOCK;
    }

    /** The largest power of two below {@code blocks} (at least 2 blocks). */
    private static int leftBlocks(int blocks) {
        return Integer.highestOneBit(blocks - 1);
    }
}
