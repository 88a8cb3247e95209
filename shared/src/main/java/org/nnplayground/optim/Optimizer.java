package org.nnplayground.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.io.PythonText;
import org.nnplayground.tensor.Tensor;

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
