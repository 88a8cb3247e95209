package org.nnplayground.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.tensor.Tensor;

/**
 * A model's weights by PyTorch key name ({@code hidden.weight}, {@code 0.bias}), in registration order.
 * It holds copies, so later training does not change a state dict already taken.
 */
public final class StateDict {
    private final Map<String, Tensor> entries = new LinkedHashMap<>();

    public StateDict put(String key, Tensor value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("state dict keys must be non-empty");
        }
        entries.put(key, value.copy());
        return this;
    }

    public Tensor get(String key) {
        return entries.get(key);
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    public int size() {
        return entries.size();
    }
}
