package org.nnplayground.course;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.nn.Functional;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.random.Generator;
import org.nnplayground.random.GlobalRandom;
import org.nnplayground.tensor.Tensor;

/**
 * The course's custom network, written the way a user subclasses {@code torch.nn.Module}: two layers
 * registered by name and a {@code forward} that puts a ReLU between them. Its parameters are named
 * {@code hidden.weight}, {@code hidden.bias}, {@code predict.weight}, {@code predict.bias}.
 */
public final class Net extends Module {
    private final Linear hidden;
    private final Linear predict;

    public Net(int nFeature, int nHidden, int nOutput) {
        this(nFeature, nHidden, nOutput, GlobalRandom.get());
    }

    public Net(int nFeature, int nHidden, int nOutput, Generator generator) {
        super("Net");
        hidden = registerModule("hidden", new Linear(nFeature, nHidden, generator));
        predict = registerModule("predict", new Linear(nHidden, nOutput, generator));
    }

    @Override
    public Tensor forward(Tensor x) {
        x = Functional.relu(hidden.forward(x));
        return predict.forward(x);
    }

    @Override
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("n_feature", hidden.inFeatures());
        args.put("n_hidden", hidden.outFeatures());
        args.put("n_output", predict.outFeatures());
        return args;
    }

    public Linear hidden() {
        return hidden;
    }

    public Linear predict() {
        return predict;
    }
}
