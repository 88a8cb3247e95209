package org.nnplayground.nn;

import java.util.List;
import org.nnplayground.tensor.Tensor;

/**
 * Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_} do it between
 * {@code backward()} and {@code optimizer.step()}. Parameters without a gradient are left out.
 */
public final class ClipGrad {
    private ClipGrad() {
    }

    /**
     * Scales every gradient by max_norm / (‖g‖ + 1e-6) when that is below 1, ‖g‖ the 2-norm of all the gradients
     * together (the norm of the parameters' norms, as PyTorch computes it); returns ‖g‖.
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("max_norm must be a number of at least 0, got " + maxNorm);
        }
        double squares = 0;
        for (Tensor p : params) {
            double[] grad = p.gradStorage();
            if (grad != null) {
                double norm = norm(grad);
                squares += norm * norm;
            }
        }
        double total = Math.sqrt(squares);
        double coefficient = Math.min(maxNorm / (total + 1e-6), 1.0);
        for (Tensor p : params) {
            double[] grad = p.gradStorage();
            if (grad != null) {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] *= coefficient;
                }
            }
        }
        return total;
    }

    /** Clamps every gradient's values to [−clip_value, clip_value]. */
    public static void clipGradValue(List<Tensor> params, double clipValue) {
        if (!(clipValue >= 0) || Double.isInfinite(clipValue)) {
            throw new IllegalArgumentException("clip_value must be a number of at least 0, got " + clipValue);
        }
        for (Tensor p : params) {
            double[] grad = p.gradStorage();
            if (grad != null) {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] = Math.min(Math.max(grad[i], -clipValue), clipValue);
                }
            }
        }
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
