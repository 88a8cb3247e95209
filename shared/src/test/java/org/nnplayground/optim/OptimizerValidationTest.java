package org.nnplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nnplayground.tensor.Tensor;

/** Bad hyperparameters are refused up front with PyTorch's messages; NaN too, which PyTorch lets through. */
class OptimizerValidationTest {
    private final List<Tensor> params = List.of(Tensor.of(new double[] {1, 2}).requiresGrad(true));

    private static void refuses(String message, Executable create) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, create).getMessage());
    }

    @Test
    void negativeOrNanLearningRateIsRefused() {
        refuses("Invalid learning rate: -1.0", () -> new SGD(params, -1));
        refuses("Invalid learning rate: nan", () -> new Adam(params, new Adam.Options().lr(Double.NaN)));
        refuses("Invalid learning rate: -0.01", () -> new SGD(params, 0.1).setLr(-0.01));
    }

    @Test
    void eachOptimizerChecksItsOwnHyperparameters() {
        refuses("Invalid momentum value: -0.5", () -> new SGD(params, 0.1, new SGD.Options().momentum(-0.5)));
        refuses("Nesterov momentum requires a momentum and zero dampening", () -> new SGD(params, 0.1, new SGD.Options().nesterov(true)));
        refuses("Invalid weight_decay value: -1.0", () -> new SGD(params, 0.1, new SGD.Options().weightDecay(-1)));
        refuses("Invalid beta parameter at index 0: 1.0", () -> new Adam(params, new Adam.Options().betas(1.0, 0.9)));
        refuses("Invalid beta parameter at index 1: -0.1", () -> new AdamW(params, new AdamW.Options().betas(0.9, -0.1)));
        refuses("Invalid epsilon value: -1e-08", () -> new Adam(params, new Adam.Options().eps(-1e-8)));
        refuses("Invalid alpha value: nan", () -> new RMSprop(params, new RMSprop.Options().alpha(Double.NaN)));
        refuses("Invalid lr_decay value: -1.0", () -> new Adagrad(params, new Adagrad.Options().lrDecay(-1)));
        refuses("Invalid initial_accumulator_value value: -1.0", () -> new Adagrad(params, new Adagrad.Options().initialAccumulatorValue(-1)));
        refuses("optimizer got an empty parameter list", () -> new SGD(List.of(), 0.1));
    }

    @Test
    void learningRateCanChangeBetweenSteps() {
        Tensor p = Tensor.of(new double[] {1.0}).requiresGrad(true);
        SGD sgd = new SGD(List.of(p), 0.1);
        p.mul(2.0).sum().backward();
        sgd.step();
        sgd.setLr(0.5);
        sgd.step();
        assertArrayEquals(new double[] {1.0 - 0.2 - 1.0}, p.toArray(), 1e-15);
    }

    @Test
    void parametersWithoutGradientsAreLeftAlone() {
        Tensor used = Tensor.of(new double[] {1.0}).requiresGrad(true);
        Tensor unused = Tensor.of(new double[] {5.0}).requiresGrad(true);
        Adam adam = new Adam(List.of(used, unused), new Adam.Options().lr(0.1));
        used.mul(3.0).sum().backward();
        adam.step();
        assertEquals(5.0, unused.item());
        assertEquals(0, adam.state(1).step());
        assertEquals(1, adam.state(0).step());
    }
}
