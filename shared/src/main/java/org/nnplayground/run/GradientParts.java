package org.nnplayground.run;

import java.util.List;
import org.nnplayground.data.Batch;
import org.nnplayground.loss.Loss;
import org.nnplayground.nn.Sequential;
import org.nnplayground.tensor.ArrayPool;
import org.nnplayground.tensor.RowBlocks;
import org.nnplayground.tensor.Tensor;

/**
 * A full-batch update split over workers, with the bits of one worker. Each worker holds a copy of the network
 * and computes the gradient of its rows (the batch cut where {@link RowBlocks#splits} says); the parts are
 * added as RowBlocks' tree adds a batch's rows, which is how one worker sums the whole batch; then every
 * worker makes the same update with the sum, so the copies stay equal.
 */
public final class GradientParts {
    private GradientParts() {
    }

    /**
     * The gradient of some rows of a batch whose targets are {@code batchTarget}, flat in the parameters' order, followed
     * by the rows' loss sum (see {@link Loss#forwardPart}). The parameters' gradients are left as computed; the
     * step's intermediate arrays come from and go back to {@code pool}.
     */
    public static double[] of(Sequential net, Loss loss, Batch rows, Tensor batchTarget, ArrayPool pool) {
        List<Tensor> params = net.parameters();
        for (Tensor p : params) {
            p.zeroGrad();
        }
        Tensor part = loss.forwardPart(net.forward(pool.scope(rows.x())), rows.y(), batchTarget);
        part.backward();
        int size = 0;
        for (Tensor p : params) {
            size += p.numel();
        }
        double[] flat = new double[size + 1];
        int at = 0;
        for (Tensor p : params) {
            double[] grad = p.gradStorage();
            if (grad != null) {
                System.arraycopy(grad, 0, flat, at, grad.length);
            }
            at += p.numel();
        }
        flat[size] = part.item();
        return flat;
    }

    /**
     * The parts' sum, added as the tree adds them: parts in the order of {@link RowBlocks#splits} (a power of
     * two of them), each half's sum first, then the halves; a part with no rows (null) is left out, not added
     * as zeros (which would turn a −0 into +0).
     */
    public static double[] sum(double[][] parts) {
        if (parts.length == 0 || Integer.bitCount(parts.length) != 1) {
            throw new IllegalArgumentException("need a power of two of parts, got " + parts.length);
        }
        return sum(parts, 0, parts.length);
    }

    private static double[] sum(double[][] parts, int from, int to) {
        if (to - from == 1) {
            return parts[from];
        }
        int mid = (from + to) / 2;
        double[] left = sum(parts, from, mid);
        double[] right = sum(parts, mid, to);
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        double[] total = new double[left.length];
        for (int i = 0; i < total.length; i++) {
            total[i] = left[i] + right[i];
        }
        return total;
    }

    /** Sets every parameter's gradient from a flat sum of parts (the loss sum at its end is not a gradient). */
    public static void setGradients(List<Tensor> params, double[] flat) {
        int at = 0;
        for (Tensor p : params) {
            p.zeroGrad();
            double[] grad = new double[p.numel()];
            System.arraycopy(flat, at, grad, 0, grad.length);
            p.accumulateGrad(grad);
            at += grad.length;
        }
        if (at != flat.length - 1) {
            throw new IllegalArgumentException("a gradient of " + (flat.length - 1) + " values for " + at + " parameters");
        }
    }
}
