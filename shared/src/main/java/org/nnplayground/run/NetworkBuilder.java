package org.nnplayground.run;

import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.Sequential;
import org.nnplayground.random.Generator;

/** Builds the run's network as a Sequential: Linear, activation, ..., Linear to the outputs (and the loss's output layer). */
final class NetworkBuilder {
    private NetworkBuilder() {
    }

    static Sequential build(RunConfig config, int inputs, int outputs, Generator generator) {
        Sequential net = new Sequential();
        int width = inputs;
        for (RunConfig.LayerSpec layer : config.layers()) {
            net.add(new Linear(width, layer.units(), layer.bias(), generator));
            net.add(layer.activationType().build(layer.activationOptions()));
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
