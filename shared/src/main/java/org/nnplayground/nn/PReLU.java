package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * A leaky ReLU whose negative slope is learned: x where x &gt; 0, else a·x, with one slope a for all units or one
 * per unit (along dim 1); like {@code torch.nn.PReLU(num_parameters=1, init=0.25)}. The slopes are the parameter
 * {@code weight}, trained and saved with the network's other parameters.
 */
public final class PReLU extends Module {
    private final Tensor weight;

    public PReLU() {
        this(1, 0.25);
    }

    public PReLU(int numParameters, double init) {
        super("PReLU");
        if (numParameters < 1) {
            throw new IllegalArgumentException("PReLU's num_parameters must be at least 1, got " + numParameters);
        }
        double[] slopes = new double[numParameters];
        java.util.Arrays.fill(slopes, init);
        this.weight = registerParameter("weight", Tensor.of(slopes, numParameters));
    }

    public Tensor weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor input) {
        double[] x = input.storage();
        double[] a = weight.storage();
        int width = input.dim() >= 2 ? input.size(1) : 1;
        if (a.length != 1 && a.length != width) {
            throw new IllegalArgumentException("Mismatch in parameter numbers: PReLU has " + a.length
                    + " slopes, its input has " + width + " channels along dim 1");
        }
        int inner = input.dim() >= 2 ? x.length / (input.size(0) * width) : 1;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double slope = a.length == 1 ? a[0] : a[(i / inner) % width];
            out[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
        return Tensor.derived(out, input.shape(), g -> {
            double[] gx = new double[x.length];
            double[] ga = new double[a.length];
            for (int i = 0; i < x.length; i++) {
                int c = a.length == 1 ? 0 : (i / inner) % width;
                gx[i] = x[i] > 0 ? g[i] : a[c] * g[i];
                if (!(x[i] > 0)) {
                    ga[c] += x[i] * g[i];
                }
            }
            input.accumulateGrad(gx);
            weight.accumulateGrad(ga);
        }, input, weight);
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("num_parameters", (double) weight.numel());
        return args;
    }

    @Override
    protected String extraRepr() {
        return "num_parameters=" + weight.numel();
    }
}
