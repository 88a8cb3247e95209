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
    private boolean maximize;

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

    /** Applies one update to every parameter that has a gradient (with maximize, to its negative). */
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            double[] grad = p.gradStorage();
            if (grad != null) {
                update(p.storage(), maximize ? negated(grad) : grad, states.get(i));
            }
        }
    }

    /** A negated copy: maximize leaves the parameter's own gradient as it is, as PyTorch's -grad does. */
    private static double[] negated(double[] grad) {
        double[] out = new double[grad.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = -grad[i];
        }
        return out;
    }

    /** Whether this optimizer takes PyTorch's {@code maximize} (NAdam and RAdam do not, in torch 1.13). */
    protected boolean takesMaximize() {
        return true;
    }

    /**
     * PyTorch's {@code maximize=True}: every step climbs the gradient instead of descending it (for an objective
     * to make larger). Returns this.
     */
    public final Optimizer maximizing(boolean value) {
        if (value && !takesMaximize()) {
            throw new IllegalArgumentException(typeName + " does not take maximize");
        }
        maximize = value;
        return this;
    }

    /**
     * Whether this optimizer has a momentum a schedule can cycle (OneCycleLR): SGD's and RMSprop's momentum, or
     * β1 of the Adam family.
     */
    public boolean hasMomentum() {
        return false;
    }

    /** Sets that momentum for the following steps (PyTorch's {@code momentum}, or {@code betas[0]}). */
    public void setMomentum(double value) {
        throw new IllegalArgumentException(typeName + " has no momentum to set");
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

    /**
     * Sets the rate a schedule computed, unchecked as PyTorch leaves it: OneCycleLR's step past its last update
     * extrapolates, and with a linear anneal that rate is below zero (it is never used for a step: the next
     * step of the schedule is refused).
     */
    public final void setScheduledLr(double value) {
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
                if (length != (ParamState.isScalar(name) ? 1 : size)) {
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

    /**
     * Every hyperparameter by PyTorch's name ({@code lr}, {@code momentum}, {@code betas} as two entries, flags as
     * 0 and 1...).
     */
    public final Map<String, Double> hyperparameters() {
        Map<String, Double> all = new LinkedHashMap<>();
        all.put("lr", lr);
        describe(all);
        if (takesMaximize()) {
            all.put("maximize", maximize ? 1.0 : 0.0);
        }
        return all;
    }

    /** Adds the subclass's hyperparameters, in PyTorch's order, after lr. */
    protected abstract void describe(Map<String, Double> into);
}
