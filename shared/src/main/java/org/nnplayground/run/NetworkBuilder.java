package org.nnplayground.run;

import org.nnplayground.nn.ELU;
import org.nnplayground.nn.GELU;
import org.nnplayground.nn.Identity;
import org.nnplayground.nn.LeakyReLU;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.Sigmoid;
import org.nnplayground.nn.Softplus;
import org.nnplayground.nn.Tanh;
import org.nnplayground.random.Generator;

/** Builds the run's network as a Sequential: Linear, activation, ..., Linear to the outputs. */
final class NetworkBuilder {
    private NetworkBuilder() {
    }

    static Sequential build(RunConfig config, int inputs, int outputs, Generator generator) {
        Sequential net = new Sequential();
        int width = inputs;
        for (RunConfig.LayerSpec layer : config.layers()) {
            net.add(new Linear(width, layer.units(), generator));
            net.add(activation(layer.activation()));
            width = layer.units();
        }
        net.add(new Linear(width, outputs, generator));
        return net;
    }

    static Module activation(String name) {
        switch (name) {
            case "ReLU":
                return new ReLU();
            case "LeakyReLU":
                return new LeakyReLU();
            case "Tanh":
                return new Tanh();
            case "Sigmoid":
                return new Sigmoid();
            case "ELU":
                return new ELU();
            case "GELU":
                return new GELU();
            case "Softplus":
                return new Softplus();
            case "Identity":
                return new Identity();
            default:
                throw new IllegalArgumentException("unknown activation " + name);
        }
    }
}
