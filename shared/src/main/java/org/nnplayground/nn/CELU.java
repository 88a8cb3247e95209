package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.math.Float32;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/** x for x > 0, otherwise α(e^(x/α) − 1); like {@code torch.nn.CELU} (default α = 1). */
public final class CELU extends Module {
    private final double alpha;

    public CELU() {
        this(1.0);
    }

    public CELU(double alpha) {
        super("CELU");
        if (alpha == 0) {
            throw new IllegalArgumentException("ZeroDivisionError: alpha cannot be 0 for CELU");
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.scaledElu(input, alpha, 1.0, 1.0 / alpha, 1.0 / Float32.round(alpha));
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("alpha", alpha);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + PythonText.repr(alpha);
    }
}
