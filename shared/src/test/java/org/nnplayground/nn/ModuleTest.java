package org.nnplayground.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.course.Net;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/** Modules print, name and order their parameters exactly as PyTorch does. */
class ModuleTest {
    @Test
    void customNetPrintsLikePytorch() {
        assertEquals("Net(\n"
                + "  (hidden): Linear(in_features=1, out_features=10, bias=True)\n"
                + "  (predict): Linear(in_features=10, out_features=1, bias=True)\n"
                + ")", new Net(1, 10, 1, new Generator(0)).toString());
    }

    @Test
    void sequentialPrintsLikePytorch() {
        Generator g = new Generator(0);
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=1, out_features=10, bias=True)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in_features=10, out_features=1, bias=True)\n"
                + ")", new Sequential(new Linear(1, 10, g), new ReLU(), new Linear(10, 1, g)).toString());
    }

    @Test
    void activationsPrintTheirArgumentsLikePytorch() {
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("Softplus(beta=1, threshold=20)", new Softplus().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("Identity()", new Identity().toString());
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("Mish()", new Mish().toString());
        assertEquals("ReLU6()", new ReLU6().toString());
        assertEquals("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().toString());
        assertEquals("Hardtanh(min_val=-2.5, max_val=0.5)", new Hardtanh(-2.5, 0.5).toString());
        assertEquals("SELU()", new SELU().toString());
        assertEquals("CELU(alpha=1.0)", new CELU().toString());
        assertEquals("CELU(alpha=0.7)", new CELU(0.7).toString());
        assertEquals("Softmax(dim=1)", new Softmax().toString());
        assertEquals("PReLU(num_parameters=1)", new PReLU().toString());
        assertEquals("PReLU(num_parameters=8)", new PReLU(8, 0.1).toString());
        assertEquals("LayerNorm((8,), eps=1e-05, elementwise_affine=True)", new LayerNorm(8).toString());
        assertEquals("LayerNorm((3,), eps=0.1, elementwise_affine=False)", new LayerNorm(3, 0.1, false).toString());
        assertEquals("LogSoftmax(dim=1)", new LogSoftmax().toString());
        assertEquals("Linear(in_features=3, out_features=2, bias=False)", new Linear(3, 2, false, new Generator(0)).toString());
    }

    @Test
    void nestedModulesIndentLikePytorch() {
        Generator g = new Generator(0);
        Sequential outer = new Sequential(new Sequential(new Linear(2, 2, g), new Tanh()), new Sigmoid());
        assertEquals("Sequential(\n"
                + "  (0): Sequential(\n"
                + "    (0): Linear(in_features=2, out_features=2, bias=True)\n"
                + "    (1): Tanh()\n"
                + "  )\n"
                + "  (1): Sigmoid()\n"
                + ")", outer.toString());
    }

    @Test
    void parametersAreNamedAndOrderedLikePytorch() {
        Net net = new Net(2, 10, 2, new Generator(0));
        assertEquals(List.of("hidden.weight", "hidden.bias", "predict.weight", "predict.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(52, net.parameterCount());
        Sequential seq = new Sequential(new Linear(2, 10, new Generator(0)), new ReLU(), new Linear(10, 2, new Generator(0)));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), seq.stateDict().keys());
    }

    @Test
    void customAndSequentialFormsGiveTheSameOutputsWithTheSameWeights() {
        Net net = new Net(1, 10, 1, new Generator(4));
        Sequential seq = new Sequential(new Linear(1, 10, new Generator(5)), new ReLU(), new Linear(10, 1, new Generator(6)));
        StateDict renamed = new StateDict();
        List<String> seqKeys = seq.stateDict().keys();
        List<Tensor> netParams = net.parameters();
        for (int i = 0; i < seqKeys.size(); i++) {
            renamed.put(seqKeys.get(i), netParams.get(i));
        }
        seq.loadStateDict(renamed);
        Tensor x = Tensor.linspace(-1, 1, 50).unsqueeze(1);
        assertArrayEquals(net.forward(x).toArray(), seq.forward(x).toArray());
    }

    @Test
    void linearInitialisationStaysWithinPytorchsBound() {
        Generator g = new Generator(8);
        for (int fanIn : new int[] {1, 2, 10, 100}) {
            Linear layer = new Linear(fanIn, 50, g);
            double bound = 1 / Math.sqrt(fanIn);
            double sumSquares = 0;
            for (double w : layer.weight().toArray()) {
                assertTrue(Math.abs(w) <= bound);
                sumSquares += w * w;
            }
            for (double b : layer.bias().toArray()) {
                assertTrue(Math.abs(b) <= bound);
            }
            double variance = sumSquares / layer.weight().numel();
            assertEquals(bound * bound / 3, variance, bound * bound / 3 * 0.35, "U(-b, b) has variance b^2/3");
        }
    }

    @Test
    void trainAndEvalModesReachChildren() {
        Net net = new Net(1, 2, 1, new Generator(0));
        net.eval();
        assertFalse(net.hidden().isTraining());
        net.train();
        assertTrue(net.predict().isTraining());
    }

    @Test
    void wrongInputShapeIsRejectedWithBothShapes() {
        Linear layer = new Linear(3, 2, new Generator(0));
        String message = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(4, 2))).getMessage();
        assertTrue(message.contains("[4, 2]"), message);
    }

    @Test
    void badModuleArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Linear(0, 2, new Generator(0)));
        assertThrows(IllegalArgumentException.class, () -> new GELU("fast"));
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Double.NaN));
    }
}
