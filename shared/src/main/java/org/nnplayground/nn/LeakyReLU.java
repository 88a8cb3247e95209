package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/** x for x > 0, otherwise slope·x; like {@code torch.nn.LeakyReLU} (default slope 0.01). */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        super("LeakyReLU");
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("negative_slope must be finite, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.leakyRelu(input, negativeSlope);
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("negative_slope", negativeSlope);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + PythonText.repr(negativeSlope);
    }
}
