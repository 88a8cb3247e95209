package org.nnplayground.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.PythonText;

/**
 * Updates parameters from their gradients, like {@code torch.optim.Optimizer} with one parameter group.
 * {@link #step()} visits each parameter that has a gradient and hands its values, gradient and state to
 * the subclass's update rule; {@link #zeroGrad()} clears the gradients between steps.
 */
public abstract class Optimizer {
    private final String typeName;
    private final List<Tensor> params;
    private final List<ParamState> states = new ArrayList<>();
    private double lr;

    protected Optimizer(String typeName, List<Tensor> params, double lr) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        checkLearningRate(lr);
        this.typeName = typeName;
        this.params = new ArrayList<>(params);
        this.lr = lr;
        for (int i = 0; i < params.size(); i++) {
            states.add(new ParamState());
        }
    }

    /** Rejects a negative or NaN value with PyTorch's message, naming the hyperparameter. */
    protected static void checkNonNegative(double value, String message) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(message + ": " + PythonText.repr(value));
        }
    }

    private static void checkLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + PythonText.repr(lr));
        }
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            double[] grad = p.gradStorage();
            if (grad != null) {
                update(p.storage(), grad, states.get(i));
            }
        }
    }

    /** The update rule for one parameter; changes {@code param} and {@code state} in place. */
    protected abstract void update(double[] param, double[] grad, ParamState state);

    /** Clears every parameter's gradient. */
    public final void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    public final double lr() {
        return lr;
    }

    /** Changes the learning rate for the following steps (a schedule, or a slider moved mid-run). */
    public final void setLr(double value) {
        checkLearningRate(value);
        lr = value;
    }

    public final List<Tensor> params() {
        return new ArrayList<>(params);
    }

    /** The state of the parameter at {@code index} in the order they were given. */
    public final ParamState state(int index) {
        return states.get(index);
    }

    /** A copy of every parameter's state in {@link #params()} order, like {@code optimizer.state_dict()["state"]}. */
    public final List<ParamState> stateDict() {
        List<ParamState> copies = new ArrayList<>();
        for (ParamState state : states) {
            copies.add(state.copy());
        }
        return copies;
    }

    /**
     * Replaces every parameter's state with a saved one, like {@code optimizer.load_state_dict}; each buffer
     * must have as many values as its parameter. Nothing changes unless all of them fit.
     */
    public final void loadStateDict(List<ParamState> saved) {
        if (saved.size() != params.size()) {
            throw new IllegalArgumentException("optimizer state has " + saved.size() + " entries, the optimizer has "
                    + params.size() + " parameters");
        }
        for (int i = 0; i < saved.size(); i++) {
            int size = params.get(i).numel();
            for (String name : saved.get(i).bufferNames()) {
                int length = saved.get(i).buffer(name).length;
                if (length != size) {
                    throw new IllegalArgumentException("optimizer state " + name + " of parameter " + i + " has "
                            + length + " values, the parameter has " + size);
                }
            }
        }
        for (int i = 0; i < saved.size(); i++) {
            states.set(i, saved.get(i).copy());
        }
    }

    public final String typeName() {
        return typeName;
    }

    /** Every hyperparameter by PyTorch's name ({@code lr}, {@code momentum}, {@code betas} as two entries...). */
    public final Map<String, Double> hyperparameters() {
        Map<String, Double> all = new LinkedHashMap<>();
        all.put("lr", lr);
        describe(all);
        return all;
    }

    /** Adds the subclass's hyperparameters, in PyTorch's order, after lr. */
    protected abstract void describe(Map<String, Double> into);
}
