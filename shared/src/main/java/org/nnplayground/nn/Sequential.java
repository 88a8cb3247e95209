package org.nnplayground.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.tensor.Tensor;

/** Modules applied one after another, named "0", "1", ... like {@code torch.nn.Sequential}. */
public final class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... modules) {
        super("Sequential");
        for (Module module : modules) {
            add(module);
        }
    }

    /** Appends a module under the next index; returns this. */
    public Sequential add(Module module) {
        registerModule(String.valueOf(layers.size()), module);
        layers.add(module);
        return this;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    public Module get(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IllegalArgumentException("index " + index + " is out of range for " + layers.size() + " layers");
        }
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }
}
