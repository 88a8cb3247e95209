package org.nnplayground.web;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.run.RunConfig;

/**
 * Which lanes of a race one worker trains: lanes {@code first, first + stride, ...}, {@code count} of them, of the
 * race's {@code all} optimizers. Workers deal a race's lanes round-robin (see lane-groups.js), so a worker's lanes
 * need not be neighbours; requests name a network by its index in the whole race.
 */
final class RaceLanes {
    private final int first;
    private final int stride;
    private final int count;
    private final int all;

    private RaceLanes(int first, int stride, int count, int all) {
        this.first = first;
        this.stride = stride;
        this.count = count;
        this.all = all;
    }

    /** Lanes first, first + stride, ... of {@code all}: {@code count} of them, -1 for all to the end. */
    static RaceLanes of(int first, int count, int stride, int all) {
        int most = stride < 1 || first < 0 || first >= all ? 0 : (all - first + stride - 1) / stride;
        int taken = count < 0 ? most : count;
        if (stride < 1 || taken < 1 || taken > most) {
            throw new IllegalArgumentException("lanes from " + first + " by " + stride + ", " + count + " of them, do not fit "
                    + all + " optimizers");
        }
        return new RaceLanes(first, stride, taken, all);
    }

    /** The configuration of these lanes alone: the race's with only their optimizers. */
    RunConfig configFor(RunConfig whole) {
        if (count == all) {
            return whole;
        }
        List<RunConfig.OptimizerSpec> chosen = new ArrayList<>();
        for (int k : indexes()) {
            chosen.add(whole.optimizers().get(k));
        }
        return whole.withOptimizers(chosen);
    }

    /** Network {@code k} of the whole race as this worker's lane: checked to be one of its lanes. */
    int lane(int k) {
        int lane = (k - first) / stride;
        if (k < first || (k - first) % stride != 0 || lane >= count) {
            throw new IllegalArgumentException(count == all
                    ? "model index " + k + " is out of range for " + all + " optimizers"
                    : "model index " + k + " is not among this worker's lanes " + indexes());
        }
        return lane;
    }

    /** These lanes' indexes in the whole race: [1, 3]. */
    private List<Integer> indexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(first + i * stride);
        }
        return out;
    }
}
