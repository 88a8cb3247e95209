package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.random.Generator;
import org.nnplayground.random.GlobalRandom;
import org.nnplayground.tensor.MatMul;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/**
 * y = x·Wᵀ + b, like {@code torch.nn.Linear}. Initialised as PyTorch does: the weight, then the bias,
 * each uniform in (−1/√in, 1/√in) (kaiming_uniform with a = √5 reduces to exactly that bound).
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    /** A layer initialised from the global generator (see {@link GlobalRandom#manualSeed}). */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, GlobalRandom.get());
    }

    public Linear(int inFeatures, int outFeatures, Generator generator) {
        this(inFeatures, outFeatures, true, generator);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias, Generator generator) {
        super("Linear");
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear needs positive sizes, got in_features=" + inFeatures
                    + ", out_features=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        double bound = 1.0 / Math.sqrt(inFeatures);
        this.weight = registerParameter("weight", uniform(generator, bound, outFeatures, inFeatures));
        this.bias = bias ? registerParameter("bias", uniform(generator, bound, outFeatures)) : null;
    }

    private static Tensor uniform(Generator generator, double bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] values = t.storage();
        for (int i = 0; i < values.length; i++) {
            values[i] = generator.uniform(-bound, bound);
        }
        return t;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 2 || input.size(1) != inFeatures) {
            throw new IllegalArgumentException("Linear(in_features=" + inFeatures + ") expects input of shape [N, "
                    + inFeatures + "], got " + java.util.Arrays.toString(input.shape()));
        }
        return MatMul.linear(input, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    public boolean hasBias() {
        return bias != null;
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("in_features", inFeatures);
        args.put("out_features", outFeatures);
        args.put("bias", bias != null);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + PythonText.bool(bias != null);
    }
}
