package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/**
 * Normalizes each row over its last dimension to mean 0 and variance 1, (x − mean) / √(var + eps), then scales
 * and shifts it by the learned {@code weight} and {@code bias} (one per feature, starting at 1 and 0); like
 * {@code torch.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)} over one dimension. The variance
 * is the biased one (divided by the row's length), as PyTorch's. Rows are normalized on their own, so training and
 * evaluation compute the same.
 */
public final class LayerNorm extends Module {
    private final int features;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    public LayerNorm(int features) {
        this(features, 1e-5, true);
    }

    public LayerNorm(int features, double eps, boolean elementwiseAffine) {
        super("LayerNorm");
        if (features < 1) {
            throw new IllegalArgumentException("LayerNorm's normalized_shape must be at least 1, got " + features);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("LayerNorm's eps must not be negative, got " + eps);
        }
        this.features = features;
        this.eps = eps;
        this.weight = elementwiseAffine ? registerParameter("weight", Tensor.ones(features)) : null;
        this.bias = elementwiseAffine ? registerParameter("bias", Tensor.zeros(features)) : null;
    }

    /** The learned scale, or null without elementwise_affine. */
    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        int width = input.size(input.dim() - 1);
        if (width != features) {
            throw new IllegalArgumentException("LayerNorm expects inputs whose last dimension is " + features + ", got "
                    + width);
        }
        double[] x = input.storage();
        int rows = x.length / width;
        double[] normalized = new double[x.length]; // x̂, kept for the backward pass
        double[] rstd = new double[rows];
        double[] out = new double[x.length];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double sum = 0;
            for (int c = 0; c < width; c++) {
                sum += x[base + c];
            }
            double mean = sum / width;
            double squares = 0;
            for (int c = 0; c < width; c++) {
                double d = x[base + c] - mean;
                squares += d * d;
            }
            rstd[r] = 1.0 / Math.sqrt(squares / width + eps);
            for (int c = 0; c < width; c++) {
                normalized[base + c] = (x[base + c] - mean) * rstd[r];
                out[base + c] = weight == null ? normalized[base + c]
                        : normalized[base + c] * weight.storage()[c] + bias.storage()[c];
            }
        }
        Tensor[] inputs = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight, bias};
        return Tensor.derived(out, input.shape(), g -> backward(g, input, normalized, rstd, width), inputs);
    }

    /** dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ · x̂)) with ĝ = g · weight; dweight = Σ g · x̂, dbias = Σ g over rows. */
    private void backward(double[] g, Tensor input, double[] normalized, double[] rstd, int width) {
        int rows = g.length / width;
        double[] gx = new double[g.length];
        double[] gw = new double[width];
        double[] gb = new double[width];
        double[] scaled = new double[width];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double meanScaled = 0;
            double meanScaledNormalized = 0;
            for (int c = 0; c < width; c++) {
                scaled[c] = weight == null ? g[base + c] : g[base + c] * weight.storage()[c];
                meanScaled += scaled[c];
                meanScaledNormalized += scaled[c] * normalized[base + c];
                gw[c] += g[base + c] * normalized[base + c];
                gb[c] += g[base + c];
            }
            meanScaled /= width;
            meanScaledNormalized /= width;
            for (int c = 0; c < width; c++) {
                double centred = scaled[c] - meanScaled;
                gx[base + c] = rstd[r] * (centred - normalized[base + c] * meanScaledNormalized);
            }
        }
        input.accumulateGrad(gx);
        if (weight != null) {
            weight.accumulateGrad(gw);
            bias.accumulateGrad(gb);
        }
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("normalized_shape", (double) features);
        args.put("eps", eps);
        args.put("elementwise_affine", weight != null);
        return args;
    }

    @Override
    protected String extraRepr() {
        return "(" + features + ",), eps=" + PythonText.repr(eps) + ", elementwise_affine=" + (weight != null ? "True" : "False");
    }
}
