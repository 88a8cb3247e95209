package org.nnplayground.run;

import org.nnplayground.nn.Dropout;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.Sequential;
import org.nnplayground.random.Generator;

/**
 * Builds the run's network as a Sequential: per hidden layer Linear, [normalisation], activation, [Dropout]; then the
 * Linear to the outputs (and the loss's output layer).
 */
final class NetworkBuilder {
    private NetworkBuilder() {
    }

    /**
     * @param generator the weights' initial values
     * @param masks every Dropout's masks, one after the other as the layers run (PyTorch's one global generator)
     */
    static Sequential build(RunConfig config, int inputs, int outputs, Generator generator, Generator masks) {
        Sequential net = new Sequential();
        int width = inputs;
        for (LayerSpec layer : config.layers()) {
            net.add(new Linear(width, layer.units(), layer.bias(), generator));
            if (layer.normType() != null) {
                net.add(layer.normType().build(layer.units(), layer.normOptions()));
            }
            net.add(layer.activationType().build(layer.activationOptions()));
            if (layer.dropout() > 0) {
                net.add(new Dropout(layer.dropout(), masks));
            }
            width = layer.units();
        }
        net.add(new Linear(width, outputs, generator));
        Module ending = config.lossType().outputLayer(); // a Sigmoid before BCELoss, a LogSoftmax before NLLLoss
        if (ending != null) {
            net.add(ending);
        }
        return net;
    }
}
