package org.nnplayground.golden;

import java.util.Map;
import org.nnplayground.loss.BCELoss;
import org.nnplayground.loss.BCEWithLogitsLoss;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.HuberLoss;
import org.nnplayground.loss.L1Loss;
import org.nnplayground.loss.Loss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.loss.NLLLoss;
import org.nnplayground.loss.Reduction;
import org.nnplayground.loss.SmoothL1Loss;
import org.nnplayground.nn.CELU;
import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.Hardtanh;
import org.nnplayground.nn.LayerNorm;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.Mish;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.PReLU;
import org.nnplayground.nn.ReLU6;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.SELU;
import org.nnplayground.nn.SiLU;
import org.nnplayground.nn.Sigmoid;
import org.nnplayground.nn.Softplus;
import org.nnplayground.nn.Tanh;
import org.nnplayground.tensor.MatMul;
import org.nnplayground.tensor.Tensor;

/** Runs one case of linear.json, activations.json or losses.json against our core. */
final class SingleOpCases {
    static final Tolerance FLOAT64 = new Tolerance(1e-12, 1e-10);

    private SingleOpCases() {
    }

    static void linear(Map<String, Object> c) {
        Tensor x = GoldenFiles.tensor(c.get("input")).requiresGrad(true);
        Tensor w = GoldenFiles.tensor(c.get("weight")).requiresGrad(true);
        Tensor b = c.get("bias") == null ? null : GoldenFiles.tensor(c.get("bias")).requiresGrad(true);
        Tensor out = MatMul.linear(x, w, b);
        FLOAT64.check("output", GoldenFiles.tensor(c.get("output")), out);
        out.mul(GoldenFiles.tensor(c.get("grad_output"))).sum().backward();
        FLOAT64.check("grad_input", GoldenFiles.tensor(c.get("grad_input")), x.grad());
        FLOAT64.check("grad_weight", GoldenFiles.tensor(c.get("grad_weight")), w.grad());
        if (b != null) {
            FLOAT64.check("grad_bias", GoldenFiles.tensor(c.get("grad_bias")), b.grad());
        }
    }

    @SuppressWarnings("unchecked")
    static void activation(Map<String, Object> c) {
        Map<String, Object> params = (Map<String, Object>) c.get("params");
        Module f = activationModule((String) c.get("function"), params);
        Tensor x = GoldenFiles.tensor(c.get("input")).requiresGrad(true);
        if (f instanceof PReLU prelu) {
            double[] slopes = GoldenFiles.tensor(params.get("weight")).toArray();
            System.arraycopy(slopes, 0, prelu.weight().storage(), 0, slopes.length);
        }
        if (f instanceof LayerNorm norm && norm.weight() != null) {
            double[] scale = GoldenFiles.tensor(params.get("weight")).toArray();
            double[] shift = GoldenFiles.tensor(params.get("bias")).toArray();
            System.arraycopy(scale, 0, norm.weight().storage(), 0, scale.length);
            System.arraycopy(shift, 0, norm.bias().storage(), 0, shift.length);
        }
        Tensor y = f.forward(x);
        FLOAT64.check("output", GoldenFiles.tensor(c.get("output")), y);
        y.mul(GoldenFiles.tensor(c.get("grad_output"))).sum().backward();
        FLOAT64.check("grad_input", GoldenFiles.tensor(c.get("grad_input")), x.grad());
        if (f instanceof PReLU prelu) {
            FLOAT64.check("grad_weight", GoldenFiles.tensor(c.get("grad_weight")), prelu.weight().grad());
        }
        if (f instanceof LayerNorm norm && norm.weight() != null) {
            FLOAT64.check("grad_weight", GoldenFiles.tensor(c.get("grad_weight")), norm.weight().grad());
            FLOAT64.check("grad_bias", GoldenFiles.tensor(c.get("grad_bias")), norm.bias().grad());
        }
    }

    private static Module activationModule(String function, Map<String, Object> params) {
        switch (function) {
            case "relu":
                return new ReLU();
            case "leaky_relu":
                return new LeakyReLU((Double) params.get("negative_slope"));
            case "tanh":
                return new Tanh();
            case "sigmoid":
                return new Sigmoid();
            case "elu":
                return new ELU((Double) params.get("alpha"));
            case "gelu":
            case "gelu_tanh":
                return new GELU((String) params.get("approximate"));
            case "softplus":
                return new Softplus((Double) params.get("beta"), (Double) params.get("threshold"));
            case "silu":
                return new SiLU();
            case "mish":
                return new Mish();
            case "relu6":
                return new ReLU6();
            case "hardtanh":
                return new Hardtanh((Double) params.get("min_val"), (Double) params.get("max_val"));
            case "selu":
                return new SELU();
            case "celu":
                return new CELU((Double) params.get("alpha"));
            case "layer_norm":
                return new LayerNorm((int) GoldenFiles.number(params.get("normalized_shape")), (Double) params.get("eps"),
                        params.containsKey("weight"));
            case "prelu":
                return new PReLU((int) GoldenFiles.number(params.get("num_parameters")), 0.25);
            default:
                throw new AssertionError("unknown activation in golden file: " + function);
        }
    }

    @SuppressWarnings("unchecked")
    static void loss(Map<String, Object> c) {
        Reduction reduction = Reduction.fromPython((String) c.get("reduction"));
        Map<String, Object> params = c.containsKey("params") ? (Map<String, Object>) c.get("params") : Map.of();
        Loss loss = lossOf((String) c.get("loss_fn"), reduction, params);
        String inputKey = c.containsKey("input") ? "input" : "logits";
        Tensor input = GoldenFiles.tensor(c.get(inputKey)).requiresGrad(true);
        Tensor target = GoldenFiles.tensor(c.get("target"));
        Tensor value = loss.forward(input, target);
        if (reduction == Reduction.NONE) {
            FLOAT64.check("loss", GoldenFiles.tensor(c.get("loss")), value);
            value.mul(GoldenFiles.tensor(c.get("grad_output"))).sum().backward();
        } else {
            FLOAT64.check("loss", GoldenFiles.number(c.get("loss")), value.item());
            value.backward();
        }
        if (c.containsKey("log_softmax")) {
            FLOAT64.check("log_softmax", GoldenFiles.tensor(c.get("log_softmax")), input.detach().logSoftmax(1));
            FLOAT64.check("softmax", GoldenFiles.tensor(c.get("softmax")), input.detach().softmax(1));
        }
        String gradKey = inputKey.equals("input") ? "grad_input" : "grad_logits";
        FLOAT64.check(gradKey, GoldenFiles.tensor(c.get(gradKey)), input.grad());
    }

    private static Loss lossOf(String kind, Reduction reduction, Map<String, Object> params) {
        double[] weight = numbers(params.get("weight"));
        switch (kind) {
            case "mse":
                return new MSELoss(reduction);
            case "l1":
                return new L1Loss(reduction);
            case "smooth_l1":
                return new SmoothL1Loss(reduction, (Double) params.get("beta"));
            case "huber":
                return new HuberLoss(reduction, (Double) params.get("delta"));
            case "bce":
                return new BCELoss(reduction);
            case "bce_with_logits":
                return new BCEWithLogitsLoss(reduction, numbers(params.get("pos_weight")));
            case "cross_entropy":
                return new CrossEntropyLoss(reduction, weight, (Double) params.getOrDefault("label_smoothing", 0.0));
            case "nll":
                return new NLLLoss(reduction, weight);
            default:
                throw new AssertionError("unknown loss in golden file: " + kind);
        }
    }

    /** A JSON list of numbers as an array, null for none. */
    private static double[] numbers(Object list) {
        return list == null ? null : GoldenFiles.tensor(list).toArray();
    }
}
