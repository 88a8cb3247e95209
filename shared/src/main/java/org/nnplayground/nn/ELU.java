package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/** x for x > 0, otherwise α(e^x − 1); like {@code torch.nn.ELU} (default α = 1). */
public final class ELU extends Module {
    private final double alpha;

    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        super("ELU");
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.elu(input, alpha);
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
