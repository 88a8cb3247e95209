package org.nnplayground.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;
import org.nnplayground.text.PythonText;

/**
 * The base of every network part, like {@code torch.nn.Module}. A subclass registers its parameters and
 * child modules explicitly, in order, in its constructor (there is no reflection in the browser builds);
 * {@link #parameters()}, {@link #stateDict()} and the PyTorch-style {@link #toString()} all come from
 * that one list, so they agree with PyTorch's for the same model.
 */
public abstract class Module {
    private final String typeName;
    private final Map<String, Tensor> ownParameters = new LinkedHashMap<>();
    /** State that is saved but not trained (a BatchNorm's running statistics), as PyTorch's buffers. */
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> integerBuffers = new HashSet<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** @param typeName the class name PyTorch would print, e.g. {@code "Net"} or {@code "Linear"} */
    protected Module(String typeName) {
        this.typeName = typeName;
    }

    /** The computation; the equivalent of calling the module in PyTorch, {@code net(x)}. */
    public abstract Tensor forward(Tensor input);

    /** Registers a trainable tensor under {@code name} (it starts requiring gradients); returns it. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkNewName(name);
        ownParameters.put(name, value.requiresGrad(true));
        return value;
    }

    /**
     * Registers a buffer: state that the state dict carries but no optimizer trains, like
     * {@code register_buffer}; {@code integer} ones (a step counter) are saved as int64, as PyTorch's.
     */
    protected final Tensor registerBuffer(String name, Tensor value, boolean integer) {
        checkNewName(name);
        buffers.put(name, value);
        if (integer) {
            integerBuffers.add(name);
        }
        return value;
    }

    /** Registers a child module under {@code name}; returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name);
        if (module == null) {
            throw new IllegalArgumentException("module '" + name + "' is null");
        }
        children.put(name, module);
        return module;
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("module and parameter names must be non-empty and contain no '.', got '"
                    + name + "'");
        }
        if (ownParameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
    }

    public final String typeName() {
        return typeName;
    }

    /** Child modules by name, in registration order. */
    public final Map<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /** Every parameter: this module's own first, then each child's, as PyTorch orders them. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        collect("", all);
        return all;
    }

    private void collect(String prefix, Map<String, Tensor> into) {
        for (Map.Entry<String, Tensor> p : ownParameters.entrySet()) {
            into.put(prefix + p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().collect(prefix + child.getKey() + ".", into);
        }
    }

    /** The number of trainable values. */
    public final int parameterCount() {
        int count = 0;
        for (Tensor p : parameters()) {
            count += p.numel();
        }
        return count;
    }

    /** Copies of every parameter and buffer by its PyTorch key, in PyTorch's order: a module's parameters, its buffers, then its children's. */
    public final StateDict stateDict() {
        StateDict dict = new StateDict();
        collectState("", dict);
        return dict;
    }

    private void collectState(String prefix, StateDict into) {
        for (Map.Entry<String, Tensor> p : ownParameters.entrySet()) {
            into.put(prefix + p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Tensor> b : buffers.entrySet()) {
            if (integerBuffers.contains(b.getKey())) {
                into.putInteger(prefix + b.getKey(), b.getValue());
            } else {
                into.put(prefix + b.getKey(), b.getValue());
            }
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().collectState(prefix + child.getKey() + ".", into);
        }
    }

    /** The live tensors a state dict holds (parameters and buffers) by key, in the state dict's order. */
    private Map<String, Tensor> namedState() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        collectLive("", all);
        return all;
    }

    private void collectLive(String prefix, Map<String, Tensor> into) {
        for (Map.Entry<String, Tensor> p : ownParameters.entrySet()) {
            into.put(prefix + p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Tensor> b : buffers.entrySet()) {
            into.put(prefix + b.getKey(), b.getValue());
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            child.getValue().collectLive(prefix + child.getKey() + ".", into);
        }
    }

    /**
     * Copies the values of {@code dict} into this module's parameters and buffers, strictly: every key must match and
     * every shape agree, or nothing is changed and the error lists each problem as PyTorch does.
     */
    public final void loadStateDict(StateDict dict) {
        Map<String, Tensor> own = namedState();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Tensor> p : own.entrySet()) {
            Tensor given = dict.get(p.getKey());
            if (given == null) {
                missing.add('"' + p.getKey() + '"');
            } else if (!java.util.Arrays.equals(given.shape(), p.getValue().shape())) {
                mismatches.add("size mismatch for " + p.getKey() + ": copying a param with shape "
                        + PythonText.size(given.shape()) + " from checkpoint, the shape in current model is "
                        + PythonText.size(p.getValue().shape()) + ".");
            }
        }
        for (String key : dict.keys()) {
            if (!own.containsKey(key)) {
                unexpected.add('"' + key + '"');
            }
        }
        List<String> errors = new ArrayList<>();
        if (!missing.isEmpty()) {
            errors.add("Missing key(s) in state_dict: " + String.join(", ", missing) + ". ");
        }
        if (!unexpected.isEmpty()) {
            errors.add("Unexpected key(s) in state_dict: " + String.join(", ", unexpected) + ". ");
        }
        errors.addAll(mismatches);
        if (!errors.isEmpty()) {
            // PyTorch's own words, which a reader can look up; the page in another language frames them.
            throw new CodedError("stateDict", "Error(s) in loading state_dict for " + typeName + ":\n\t"
                    + String.join("\n\t", errors), "model", typeName, "problems", String.join("\n\t", errors));
        }
        for (Map.Entry<String, Tensor> p : own.entrySet()) {
            double[] source = dict.get(p.getKey()).storage();
            System.arraycopy(source, 0, p.getValue().storage(), 0, source.length);
        }
    }

    /** Clears the gradients of every parameter. */
    public final void zeroGrad() {
        for (Tensor p : parameters()) {
            p.zeroGrad();
        }
    }

    /** Switches this module and its children to training mode; returns this. */
    public final Module train() {
        setTraining(true);
        return this;
    }

    /** Switches this module and its children to evaluation mode; returns this. */
    public final Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean value) {
        training = value;
        for (Module child : children.values()) {
            child.setTraining(value);
        }
    }

    /** Evaluation mode until the returned scope closes: {@code try (EvalScope e = net.evaluating()) {...}}. */
    public final EvalScope evaluating() {
        return new EvalScope(this);
    }

    public final boolean isTraining() {
        return training;
    }

    /**
     * The constructor's arguments by PyTorch's keyword names, e.g. {@code {"in_features": 1, ...}}: what a
     * checkpoint stores to build the module again. Children are not arguments.
     */
    public Map<String, Object> arguments() {
        return new LinkedHashMap<>();
    }

    /** The text inside the parentheses of a module without children, e.g. {@code in_features=1, ...}. */
    protected String extraRepr() {
        return "";
    }

    /** Exactly what PyTorch prints for the same model. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return typeName + "(" + extraRepr() + ")";
        }
        StringBuilder text = new StringBuilder(typeName).append("(\n");
        String extra = extraRepr();
        if (!extra.isEmpty()) {
            text.append("  ").append(extra).append('\n');
        }
        for (Map.Entry<String, Module> child : children.entrySet()) {
            String childText = child.getValue().toString().replace("\n", "\n  ");
            text.append("  (").append(child.getKey()).append("): ").append(childText).append('\n');
        }
        return text.append(')').toString();
    }
}
