package org.nnplayground.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/**
 * Normalizes each feature (column) over the batch, like {@code torch.nn.BatchNorm1d(num_features, eps=1e-05,
 * momentum=0.1, affine=True)} on rows of shape [N, C]. In training it uses the batch's mean and biased variance
 * and moves the running statistics toward the batch's (the variance's unbiased estimate), counting the batches in
 * {@code num_batches_tracked}; in evaluation it uses the running statistics. All three are buffers, saved in the
 * state dict under PyTorch's names. A momentum of NaN is PyTorch's {@code momentum=None}: a cumulative average.
 * The arithmetic follows PyTorch's CPU kernel (out = x·α + β with α = weight/√(var + eps)), so float64 agrees to
 * the last bits or nearly.
 */
public final class BatchNorm1d extends Module {
    private final int features;
    private final double eps;
    private final double momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor batchesTracked;

    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1, true);
    }

    public BatchNorm1d(int features, double eps, double momentum, boolean affine) {
        super("BatchNorm1d");
        if (features < 1) {
            throw new IllegalArgumentException("BatchNorm1d's num_features must be at least 1, got " + features);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("BatchNorm1d's eps must not be negative, got " + eps);
        }
        if (!Double.isNaN(momentum) && !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm1d's momentum must be between 0 and 1, got " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = affine ? registerParameter("weight", Tensor.ones(features)) : null;
        this.bias = affine ? registerParameter("bias", Tensor.zeros(features)) : null;
        this.runningMean = registerBuffer("running_mean", Tensor.zeros(features), false);
        this.runningVar = registerBuffer("running_var", Tensor.ones(features), false);
        this.batchesTracked = registerBuffer("num_batches_tracked", Tensor.scalar(0), true);
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    public long numBatchesTracked() {
        return (long) batchesTracked.storage()[0];
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 2 || input.size(1) != features) {
            throw new IllegalArgumentException("BatchNorm1d(" + features + ") expects rows of " + features
                    + " features, got shape " + PythonText.size(input.shape()));
        }
        int rows = input.size(0);
        double[] x = input.storage();
        double[] mean = new double[features];
        double[] invStd = new double[features];
        boolean batchStatistics = isTraining();
        if (batchStatistics) {
            if (rows < 2) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                        + PythonText.size(input.shape()) + " (BatchNorm1d needs batches of at least 2 rows)");
            }
            updateStatistics(x, rows, mean, invStd);
        } else {
            for (int c = 0; c < features; c++) {
                mean[c] = runningMean.storage()[c];
                invStd[c] = 1 / Math.sqrt(runningVar.storage()[c] + eps);
            }
        }
        double[] out = new double[x.length];
        for (int c = 0; c < features; c++) {
            double alpha = weight == null ? invStd[c] : invStd[c] * weight.storage()[c];
            double beta = bias == null ? -mean[c] * alpha : bias.storage()[c] - mean[c] * alpha;
            for (int r = 0; r < rows; r++) {
                out[r * features + c] = x[r * features + c] * alpha + beta;
            }
        }
        Tensor[] inputs = weight == null ? new Tensor[] {input} : new Tensor[] {input, weight, bias};
        return Tensor.derived(out, input.shape(), g -> backward(g, input, mean, invStd, batchStatistics), inputs);
    }

    /** The batch's mean and 1/√(biased var + eps) per feature; the running statistics move toward the batch's. */
    private void updateStatistics(double[] x, int rows, double[] mean, double[] invStd) {
        double count = batchesTracked.storage()[0] + 1;
        batchesTracked.storage()[0] = count;
        double factor = Double.isNaN(momentum) ? 1 / count : momentum;
        for (int c = 0; c < features; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += x[r * features + c];
            }
            mean[c] = sum / rows;
            double squares = 0;
            for (int r = 0; r < rows; r++) {
                double d = x[r * features + c] - mean[c];
                squares += d * d;
            }
            invStd[c] = 1 / Math.sqrt(squares / rows + eps);
            double[] rm = runningMean.storage();
            double[] rv = runningVar.storage();
            rm[c] = factor * mean[c] + (1 - factor) * rm[c];
            rv[c] = squares / (rows - 1) * factor + (1 - factor) * rv[c];
        }
    }

    /**
     * PyTorch's backward: with batch statistics dx = (g − mean(g) − (x − μ)·Σ(x − μ)g·σ⁻²/N)·σ⁻¹·weight, else
     * dx = g·σ⁻¹·weight; dweight = Σ(x − μ)g·σ⁻¹, dbias = Σg.
     */
    private void backward(double[] g, Tensor input, double[] mean, double[] invStd, boolean batchStatistics) {
        double[] x = input.storage();
        int rows = x.length / features;
        double[] gx = new double[x.length];
        double[] gw = new double[features];
        double[] gb = new double[features];
        for (int c = 0; c < features; c++) {
            double sum = 0;
            double dot = 0;
            for (int r = 0; r < rows; r++) {
                int at = r * features + c;
                sum += g[at];
                dot += (x[at] - mean[c]) * g[at];
            }
            double w = weight == null ? 1 : weight.storage()[c];
            if (batchStatistics) {
                double k = dot * invStd[c] * invStd[c] / rows;
                double gradMean = sum / rows;
                for (int r = 0; r < rows; r++) {
                    int at = r * features + c;
                    gx[at] = (g[at] - gradMean - (x[at] - mean[c]) * k) * invStd[c] * w;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int at = r * features + c;
                    gx[at] = g[at] * invStd[c] * w;
                }
            }
            gw[c] = dot * invStd[c];
            gb[c] = sum;
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
        args.put("num_features", (double) features);
        args.put("eps", eps);
        args.put("momentum", Double.isNaN(momentum) ? null : (Object) momentum);
        args.put("affine", weight != null);
        return args;
    }

    @Override
    protected String extraRepr() {
        return features + ", eps=" + PythonText.repr(eps) + ", momentum=" + (Double.isNaN(momentum) ? "None"
                : PythonText.repr(momentum)) + ", affine=" + (weight != null ? "True" : "False")
                + ", track_running_stats=True";
    }
}
