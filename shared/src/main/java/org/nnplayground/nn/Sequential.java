package org.nnplayground.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.tensor.ArrayPool;
import org.nnplayground.tensor.GradMode;
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

    /** The output of layers [from, to) for {@code input}: the network cut in two, as {@code net[from:to](input)}. */
    public Tensor forward(Tensor input, int from, int to) {
        Tensor x = input;
        for (int i = from; i < to; i++) {
            x = get(i).forward(x);
        }
        return x;
    }

    /** The values of the whole network's output for {@code input}: see {@link #predict(Tensor, ArrayPool, int)}. */
    public double[] predict(Tensor input, ArrayPool pool) {
        return predict(input, pool, layers.size());
    }

    /**
     * The values of the first {@code count} layers' output for {@code input}, without a graph (as under no_grad): each layer draws its result from
     * {@code pool} and gives back the one before it once it has read it, so a prediction over thousands of points
     * (a decision grid, redrawn while the network trains) makes no garbage. The layers keep no input.
     */
    public double[] predict(Tensor input, ArrayPool pool, int count) {
        try (GradMode.Scope scope = GradMode.noGrad()) {
            Tensor leaf = pool.scope(input);
            Tensor x = leaf;
            for (int i = 0; i < count; i++) {
                Tensor y = layers.get(i).forward(x);
                if (y.storage() != x.storage()) { // a layer may hand its input on (Identity) or a view of it
                    giveBack(x, leaf, pool);
                }
                x = y;
            }
            double[] out = x.toArray();
            giveBack(x, leaf, pool);
            return out;
        }
    }

    /** Gives a layer's result back to the pool, unless its values are the caller's input. */
    private static void giveBack(Tensor result, Tensor leaf, ArrayPool pool) {
        if (result.storage() != leaf.storage()) {
            pool.giveBack(result);
        }
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
