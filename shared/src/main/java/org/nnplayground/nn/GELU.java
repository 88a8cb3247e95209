package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** x·Φ(x), exact ({@code approximate="none"}) or with PyTorch's tanh approximation; like {@code torch.nn.GELU}. */
public final class GELU extends Module {
    private final boolean tanhApproximation;

    public GELU() {
        this("none");
    }

    /** @param approximate "none" or "tanh", as in PyTorch */
    public GELU(String approximate) {
        super("GELU");
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh, got '" + approximate + "'");
        }
        this.tanhApproximation = "tanh".equals(approximate);
    }

    public String approximate() {
        return tanhApproximation ? "tanh" : "none";
    }

    @Override
    public Tensor forward(Tensor input) {
        return tanhApproximation ? Pointwise.geluTanh(input) : Pointwise.gelu(input);
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("approximate", approximate());
        return args;
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate() + "'";
    }
}
