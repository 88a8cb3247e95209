package org.nnplayground.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter, under PyTorch's state names ({@code step},
 * {@code momentum_buffer}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq}, {@code sum},
 * {@code square_avg}, {@code grad_avg}, {@code exp_inf}, {@code acc_delta}, {@code prev}, {@code step_size},
 * {@code mu_product}), so it can be saved and compared with PyTorch's. A buffer has one value per element of
 * its parameter, but for NAdam's {@code mu_product}, one number.
 */
public final class ParamState {
    /** Whether a buffer of this name holds one number rather than one per element. */
    public static boolean isScalar(String name) {
        return name.equals("mu_product");
    }

    private int step;
    private final Map<String, double[]> buffers = new LinkedHashMap<>();

    ParamState() {
    }

    /** A saved state: the step count and the named buffers (copied). */
    public ParamState(int step, Map<String, double[]> buffers) {
        if (step < 0) {
            throw new IllegalArgumentException("a state's step must not be negative, got " + step);
        }
        this.step = step;
        for (Map.Entry<String, double[]> buffer : buffers.entrySet()) {
            this.buffers.put(buffer.getKey(), buffer.getValue().clone());
        }
    }

    ParamState copy() {
        return new ParamState(step, buffers);
    }

    public int step() {
        return step;
    }

    /** Counts one more update and returns the new count. */
    int advance() {
        return ++step;
    }

    /** The named buffer, or null before the optimizer first created it. */
    public double[] buffer(String name) {
        return buffers.get(name);
    }

    /** The named buffer, created filled with {@code initial} the first time (size {@code length}). */
    double[] buffer(String name, int length, double initial) {
        double[] buffer = buffers.get(name);
        if (buffer == null) {
            buffer = new double[length];
            if (initial != 0) {
                java.util.Arrays.fill(buffer, initial);
            }
            buffers.put(name, buffer);
        }
        return buffer;
    }

    /** Buffer names in the order they were created. */
    public java.util.Set<String> bufferNames() {
        return buffers.keySet();
    }
}
