package org.nnplayground.run;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.tensor.Tensor;

/**
 * A run's Sequential read as layers, as the network view and the diagnostics show it: each Linear (module
 * {@code index}) with the activation after it, or null for none (the output layer). A plain class, not a record:
 * the core avoids what TeaVM may not compile.
 */
final class DenseLayer {
    private final int index;
    private final Linear linear;
    private final Module activation;

    private DenseLayer(int index, Linear linear, Module activation) {
        this.index = index;
        this.linear = linear;
        this.activation = activation;
    }

    /** The network's layers; {@code reader} ("the view draws") names who refuses any other shape of network. */
    static List<DenseLayer> of(Sequential net, String reader) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i < net.size(); i++) {
            if (!(net.get(i) instanceof Linear linear)) {
                throw new IllegalArgumentException(reader + " Linear layers each followed by at most one activation; module "
                        + i + " is " + net.get(i).typeName());
            }
            boolean activated = i + 1 < net.size() && !(net.get(i + 1) instanceof Linear);
            layers.add(new DenseLayer(i, linear, activated ? net.get(i + 1) : null));
            if (activated) {
                i++;
            }
        }
        return layers;
    }

    /** The Linear's index among the Sequential's modules: its state-dict prefix. */
    int index() {
        return index;
    }

    Linear linear() {
        return linear;
    }

    /** The activation after the Linear, or null. */
    Module activation() {
        return activation;
    }

    /** The layer's output for rows {@code x}: the Linear, then the activation if any. */
    Tensor forward(Tensor x) {
        Tensor h = linear.forward(x);
        return activation == null ? h : activation.forward(h);
    }

    /** The activation's PyTorch name, or null. */
    String activationName() {
        return activation == null ? null : activation.typeName();
    }

    /** Whether its units can die: zero on every point, so no gradient reaches their weights. */
    boolean isRelu() {
        return activation instanceof ReLU;
    }
}
