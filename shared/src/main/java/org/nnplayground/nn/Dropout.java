package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/**
 * Zeroes each value with probability {@code p} in training and scales the kept ones by 1/(1 − p), like
 * {@code torch.nn.Dropout(p=0.5)}; in evaluation ({@link #eval()}) it hands its input on. The masks come from
 * the generator it is given, one value after the other in row-major order ({@link #drawMask}), so a run can
 * draw the same masks again for the file a PyTorch script replays them from: torch's own generator cannot be
 * matched.
 */
public final class Dropout extends Module {
    private final double p;
    private final Generator generator;

    public Dropout(double p, Generator generator) {
        super("Dropout");
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.generator = generator;
    }

    public double p() {
        return p;
    }

    /** Whether a forward pass in training draws a mask (PyTorch hands the input on when p is 0). */
    public boolean draws() {
        return p > 0 && p < 1;
    }

    /**
     * The next mask of {@code count} values from {@code generator}: 1 where a value is kept (a uniform draw
     * below 1 − p), else 0. {@link #forward} draws exactly this way.
     */
    public static double[] drawMask(Generator generator, int count, double p) {
        double[] mask = new double[count];
        double keep = 1 - p;
        for (int i = 0; i < count; i++) {
            mask[i] = generator.uniform() < keep ? 1 : 0;
        }
        return mask;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0 || input.numel() == 0) {
            return input;
        }
        return masked(input, p == 1 ? new double[input.numel()] : drawMask(generator, input.numel(), p), p);
    }

    /**
     * The input with {@code mask} (1 keeps a value, 0 drops it) applied as PyTorch applies its noise: noise =
     * mask / (1 − p), then input · noise; the gradient is grad · noise.
     */
    public static Tensor masked(Tensor input, double[] mask, double p) {
        double[] noise = new double[mask.length];
        double keep = 1 - p;
        for (int i = 0; i < noise.length; i++) {
            noise[i] = p == 1 ? 0 : mask[i] / keep;
        }
        double[] x = input.storage();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * noise[i];
        }
        return Tensor.derived(out, input.shape(), g -> {
            double[] gx = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                gx[i] = g[i] * noise[i];
            }
            input.accumulateGrad(gx);
        }, input);
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("p", p);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "p=" + PythonText.repr(p) + ", inplace=False";
    }
}
