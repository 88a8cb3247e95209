package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/** x clamped to [min_val, max_val]; like {@code torch.nn.Hardtanh} (default [−1, 1]). */
public final class Hardtanh extends Module {
    private final double minVal;
    private final double maxVal;

    public Hardtanh() {
        this(-1.0, 1.0);
    }

    public Hardtanh(double minVal, double maxVal) {
        super("Hardtanh");
        if (!(minVal < maxVal)) {
            throw new IllegalArgumentException("max_val must be greater than min_val, got min_val=" + minVal
                    + " and max_val=" + maxVal);
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.hardtanh(input, minVal, maxVal);
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("min_val", minVal);
        args.put("max_val", maxVal);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "min_val=" + PythonText.repr(minVal) + ", max_val=" + PythonText.repr(maxVal);
    }
}
