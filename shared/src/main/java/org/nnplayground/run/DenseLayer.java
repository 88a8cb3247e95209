package org.nnplayground.run;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.nn.BatchNorm1d;
import org.nnplayground.nn.Dropout;
import org.nnplayground.nn.LayerNorm;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.tensor.Tensor;

/**
 * A run's Sequential read as layers, as the network view and the diagnostics show it: each Linear (module
 * {@code index}) with what follows it up to the next Linear, in PyTorch's usual order: a normalisation
 * (BatchNorm1d, LayerNorm), an activation, a Dropout, each optional (the output layer has none, or the loss's
 * output layer as its activation). A plain class, not a record: the core avoids what TeaVM may not compile.
 */
final class DenseLayer {
    private final int index;
    private final Linear linear;
    private final Module norm;
    private final Module activation;
    private final Dropout dropout;

    private DenseLayer(int index, Linear linear, Module norm, Module activation, Dropout dropout) {
        this.index = index;
        this.linear = linear;
        this.norm = norm;
        this.activation = activation;
        this.dropout = dropout;
    }

    /** The network's layers; {@code reader} ("the view draws") names who refuses any other shape of network. */
    static List<DenseLayer> of(Sequential net, String reader) {
        List<DenseLayer> layers = new ArrayList<>();
        int i = 0;
        while (i < net.size()) {
            if (!(net.get(i) instanceof Linear linear)) {
                throw refused(net, i, reader);
            }
            int at = i + 1;
            Module norm = at < net.size() && isNorm(net.get(at)) ? net.get(at++) : null;
            Module activation = at < net.size() && !(net.get(at) instanceof Linear) && !isNorm(net.get(at))
                    && !(net.get(at) instanceof Dropout) ? net.get(at++) : null;
            Dropout dropout = at < net.size() && net.get(at) instanceof Dropout d ? d : null;
            if (dropout != null) {
                at++;
            }
            if (at < net.size() && !(net.get(at) instanceof Linear)) {
                throw refused(net, at, reader);
            }
            layers.add(new DenseLayer(i, linear, norm, activation, dropout));
            i = at;
        }
        return layers;
    }

    private static boolean isNorm(Module module) {
        return module instanceof BatchNorm1d || module instanceof LayerNorm;
    }

    private static IllegalArgumentException refused(Sequential net, int i, String reader) {
        return new IllegalArgumentException(reader + " Linear layers each followed by at most a normalisation, an "
                + "activation and a Dropout; module " + i + " is " + net.get(i).typeName());
    }

    /** The Linear's index among the Sequential's modules: its state-dict prefix. */
    int index() {
        return index;
    }

    Linear linear() {
        return linear;
    }

    /** The activation after the Linear (and its normalisation), or null. */
    Module activation() {
        return activation;
    }

    /** The layer's output for rows {@code x}: the Linear, then the normalisation, activation and Dropout it has. */
    Tensor forward(Tensor x) {
        return afterLinear(linear.forward(x));
    }

    /** What follows the Linear, applied to its output {@code h}. */
    Tensor afterLinear(Tensor h) {
        Tensor out = norm == null ? h : norm.forward(h);
        out = activation == null ? out : activation.forward(out);
        return dropout == null ? out : dropout.forward(out);
    }

    /** The activation's PyTorch name, or null. */
    String activationName() {
        return activation == null ? null : activation.typeName();
    }

    /** The normalisation's PyTorch name, or null. */
    String normName() {
        return norm == null ? null : norm.typeName();
    }

    /** The Dropout's probability, or null without one. */
    Double dropoutP() {
        return dropout == null ? null : dropout.p();
    }

    /** Whether its units can die: zero on every point, so no gradient reaches their weights. */
    boolean isRelu() {
        return activation instanceof ReLU;
    }
}
