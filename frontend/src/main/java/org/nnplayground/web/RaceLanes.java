package org.nnplayground.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnplayground.run.RunConfig;

/**
 * Which lanes of a race one worker trains, by their index in the race of {@code all} optimizers, in race order.
 * Workers share a race's lanes by their cost (see lane-groups.js), so a worker's lanes need not be neighbours;
 * requests name a network by its index in the whole race.
 */
final class RaceLanes {
    private final int[] indexes;
    private final int all;

    private RaceLanes(int[] indexes, int all) {
        this.indexes = indexes;
        this.all = all;
    }

    /** Every lane of a race of {@code all} optimizers. */
    static RaceLanes all(int all) {
        int[] indexes = new int[all];
        for (int k = 0; k < all; k++) {
            indexes[k] = k;
        }
        return new RaceLanes(indexes, all);
    }

    /** Lanes {@code indexes} of {@code all}: at least one, each in range, in increasing order. */
    static RaceLanes of(int[] indexes, int all) {
        boolean fits = indexes.length > 0;
        for (int i = 0; i < indexes.length && fits; i++) {
            fits = indexes[i] >= 0 && indexes[i] < all && (i == 0 || indexes[i] > indexes[i - 1]);
        }
        if (!fits) {
            throw new IllegalArgumentException("lanes " + Arrays.toString(indexes) + " are not lanes of " + all
                    + " optimizers in increasing order");
        }
        return new RaceLanes(indexes.clone(), all);
    }

    /** The configuration of these lanes alone: the race's with only their optimizers. */
    RunConfig configFor(RunConfig whole) {
        if (indexes.length == all) {
            return whole;
        }
        List<RunConfig.OptimizerSpec> chosen = new ArrayList<>();
        for (int k : indexes) {
            chosen.add(whole.optimizers().get(k));
        }
        return whole.withOptimizers(chosen);
    }

    /** Network {@code k} of the whole race as this worker's lane: checked to be one of its lanes. */
    int lane(int k) {
        for (int lane = 0; lane < indexes.length; lane++) {
            if (indexes[lane] == k) {
                return lane;
            }
        }
        throw new IllegalArgumentException(indexes.length == all
                ? "model index " + k + " is out of range for " + all + " optimizers"
                : "model index " + k + " is not among this worker's lanes " + Arrays.toString(indexes));
    }
}
