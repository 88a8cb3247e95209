package org.nnplayground.tensor;

import org.junit.jupiter.api.Test;
import org.nnplayground.loss.BCELoss;
import org.nnplayground.loss.BCEWithLogitsLoss;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.HuberLoss;
import org.nnplayground.loss.L1Loss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.loss.NLLLoss;
import org.nnplayground.loss.Reduction;
import org.nnplayground.loss.SmoothL1Loss;
import org.nnplayground.random.Generator;

/** Every operation's and loss's gradient agrees with central finite differences. */
class GradientCheckTest {
    private final Generator g = new Generator(42);

    private Tensor randn(int... shape) {
        return Tensor.randn(g, shape);
    }

    /** Values kept away from 0 so kinks (relu, leaky, elu) are never straddled by ±h. */
    private Tensor awayFromZero(int... shape) {
        Tensor t = randn(shape);
        double[] v = t.storage();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] >= 0 ? v[i] + 0.1 : v[i] - 0.1;
        }
        return t;
    }

    private Tensor positive(int... shape) {
        return Tensor.rand(g, shape).add(0.5);
    }

    @Test
    void broadcastingArithmeticHasCorrectGradients() {
        GradCheck.check("add", x -> x[0].add(x[1]), randn(3, 4), randn(4));
        GradCheck.check("sub", x -> x[0].sub(x[1]), randn(3, 1), randn(1, 4));
        GradCheck.check("mul", x -> x[0].mul(x[1]), randn(2, 3, 4), randn(3, 1));
        GradCheck.check("div", x -> x[0].div(x[1]), randn(3, 4), positive(3, 4));
        GradCheck.check("scalar ops", x -> x[0].mul(3.0).add(1.0).sub(2.0).div(4.0), randn(5));
    }

    @Test
    void pointwiseFunctionsHaveCorrectGradients() {
        GradCheck.check("neg", x -> x[0].neg(), randn(3, 3));
        GradCheck.check("pow 2", x -> x[0].pow(2), randn(3, 3));
        GradCheck.check("pow 3", x -> x[0].pow(3), randn(3, 3));
        GradCheck.check("pow 1.5", x -> x[0].pow(1.5), positive(3, 3));
        GradCheck.check("exp", x -> x[0].exp(), randn(3, 3));
        GradCheck.check("log", x -> x[0].log(), positive(3, 3));
        GradCheck.check("sigmoid", x -> x[0].sigmoid(), randn(3, 3));
        GradCheck.check("tanh", x -> x[0].tanh(), randn(3, 3));
        GradCheck.check("abs", x -> x[0].abs(), awayFromZero(3, 3));
    }

    @Test
    void absHasPytorchsZeroGradientAtZero() {
        Tensor x = Tensor.of(new double[] {-2, 0, 3}).requiresGrad(true);
        x.abs().sum().backward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-1, 0, 1}, x.grad().toArray());
    }

    @Test
    void activationsHaveCorrectGradients() {
        GradCheck.check("relu", x -> x[0].relu(), awayFromZero(4, 5));
        GradCheck.check("leaky_relu", x -> Pointwise.leakyRelu(x[0], 0.1), awayFromZero(4, 5));
        GradCheck.check("elu", x -> Pointwise.elu(x[0], 1.3), awayFromZero(4, 5));
        GradCheck.check("gelu", x -> Pointwise.gelu(x[0]), randn(4, 5));
        GradCheck.check("gelu tanh", x -> Pointwise.geluTanh(x[0]), randn(4, 5));
        GradCheck.check("softplus", x -> Pointwise.softplus(x[0], 2.0, 20), randn(4, 5));
        GradCheck.check("identity", x -> Pointwise.identity(x[0]), randn(4, 5));
    }

    @Test
    void reductionsHaveCorrectGradients() {
        GradCheck.check("sum", x -> x[0].sum(), randn(3, 4));
        GradCheck.check("mean", x -> x[0].mean(), randn(3, 4));
        GradCheck.check("sum dim 0", x -> x[0].sum(0, false), randn(3, 4));
        GradCheck.check("sum dim 1 keepdim", x -> x[0].sum(1, true), randn(2, 3, 4));
    }

    @Test
    void matrixProductsHaveCorrectGradients() {
        GradCheck.check("matmul", x -> x[0].matmul(x[1]), randn(3, 4), randn(4, 2));
        GradCheck.check("linear", x -> MatMul.linear(x[0], x[1], x[2]), randn(5, 3), randn(2, 3), randn(2));
        GradCheck.check("linear without bias", x -> MatMul.linear(x[0], x[1], null), randn(5, 3), randn(2, 3));
    }

    @Test
    void shapeOperationsPassGradientsThrough() {
        GradCheck.check("transpose", x -> x[0].t(), randn(3, 4));
        GradCheck.check("reshape", x -> x[0].reshape(2, -1), randn(3, 4));
        GradCheck.check("unsqueeze", x -> x[0].unsqueeze(1), randn(5));
        GradCheck.check("squeeze", x -> x[0].squeeze(1), randn(5, 1));
        GradCheck.check("cat 0", x -> Tensor.cat(0, x[0], x[1]), randn(2, 3), randn(4, 3));
        GradCheck.check("cat 1", x -> Tensor.cat(1, x[0], x[1]), randn(2, 3), randn(2, 1));
    }

    @Test
    void softmaxFamilyHasCorrectGradients() {
        GradCheck.check("log_softmax", x -> x[0].logSoftmax(1), randn(4, 3));
        GradCheck.check("softmax", x -> x[0].softmax(1), randn(4, 3));
        org.nnplayground.nn.LayerNorm norm = new org.nnplayground.nn.LayerNorm(3);
        norm.weight().storage()[1] = 1.7;
        norm.bias().storage()[2] = -0.4;
        GradCheck.check("layer norm", x -> norm.forward(x[0]), randn(4, 3));
        Tensor index = Tensor.of(new double[] {2, 0, 1, 1}, 4, 1);
        GradCheck.check("gather", x -> x[0].gather(1, index), randn(4, 3));
        GradCheck.check("composed cross-entropy", x -> x[0].logSoftmax(1).gather(1, index).neg().mean(), randn(4, 3));
    }

    @Test
    void lossesHaveCorrectGradients() {
        Tensor target = randn(4, 2);
        Tensor classes = Tensor.of(new double[] {0, 2, 1, 2});
        Tensor bits = Tensor.of(new double[] {1, 0, 0.3, 1, 0, 1, 0.5, 0}, 4, 2);
        for (Reduction r : Reduction.values()) {
            GradCheck.check("mse " + r, x -> new MSELoss(r).forward(x[0], target), randn(4, 2));
            GradCheck.check("cross entropy " + r, x -> new CrossEntropyLoss(r).forward(x[0], classes), randn(4, 3));
            GradCheck.check("bce with logits " + r, x -> new BCEWithLogitsLoss(r).forward(x[0], bits), randn(4, 2));
            GradCheck.check("bce with logits pos_weight " + r,
                    x -> new BCEWithLogitsLoss(r, new double[] {0.5, 3}).forward(x[0], bits), randn(4, 2));
            GradCheck.check("l1 " + r, x -> new L1Loss(r).forward(x[0], target), randn(4, 2));
            GradCheck.check("smooth l1 " + r, x -> new SmoothL1Loss(r, 0.7).forward(x[0], target), randn(4, 2));
            GradCheck.check("huber " + r, x -> new HuberLoss(r, 0.7).forward(x[0], target), randn(4, 2));
            GradCheck.check("bce " + r, x -> new BCELoss(r).forward(x[0].sigmoid(), bits), randn(4, 2));
            GradCheck.check("cross entropy weight smoothing " + r,
                    x -> new CrossEntropyLoss(r, new double[] {0.5, 2, 1}, 0.2).forward(x[0], classes), randn(4, 3));
            GradCheck.check("nll weight " + r,
                    x -> new NLLLoss(r, new double[] {0.5, 2, 1}).forward(x[0].logSoftmax(1), classes), randn(4, 3));
        }
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilCleared() {
        Tensor w = Tensor.of(new double[] {2.0}).requiresGrad(true);
        w.mul(3.0).sum().backward();
        w.mul(3.0).sum().backward();
        org.junit.jupiter.api.Assertions.assertEquals(6.0, w.grad().item());
        w.zeroGrad();
        org.junit.jupiter.api.Assertions.assertNull(w.grad(), "cleared like zero_grad(set_to_none=True)");
    }

    /**
     * Backward rules reuse arrays (a cleared gradient is refilled, ReLU and cross-entropy work in place): the
     * gradients must still be those of fresh arrays, through accumulation, clearing and a leaf fed straight
     * into an in-place rule.
     */
    @Test
    void reusedGradientArraysGiveTheSameGradientsAsFreshOnes() {
        double[] wValues = randn(3, 2).toArray();
        double[] xValues = randn(4, 2).toArray();
        Tensor classes = Tensor.of(new double[] {0, 2, 1, 2});
        java.util.function.Function<Tensor[], Tensor> loss = p -> new CrossEntropyLoss()
                .forward(MatMul.linear(p[1].relu(), p[0], p[2]).relu(), classes);
        Tensor[] reused = {Tensor.of(wValues, 3, 2).requiresGrad(true), Tensor.of(xValues, 4, 2).requiresGrad(true),
                Tensor.zeros(3).requiresGrad(true)};
        loss.apply(reused).backward();
        Tensor[] firstGrads = {reused[0].grad(), reused[1].grad(), reused[2].grad()};
        loss.apply(reused).backward();
        for (int i = 0; i < reused.length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(firstGrads[i].mul(2.0).toArray(), reused[i].grad().toArray(),
                    "accumulated twice, parameter " + i);
        }
        for (int round = 0; round < 3; round++) {
            for (Tensor p : reused) {
                p.zeroGrad();
            }
            loss.apply(reused).backward();
            for (int i = 0; i < reused.length; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(firstGrads[i].toArray(), reused[i].grad().toArray(),
                        "after zeroGrad, round " + round + ", parameter " + i);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(xValues, reused[1].toArray(), "inputs untouched");
    }

    @Test
    void aTensorUsedTwiceReceivesBothGradients() {
        GradCheck.check("x * x + x", x -> x[0].mul(x[0]).add(x[0]), randn(3));
    }
}
