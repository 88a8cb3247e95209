package org.nnplayground.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.tensor.Tensor;

/**
 * A model's weights by PyTorch key name ({@code hidden.weight}, {@code 0.bias}), in registration order.
 * It holds copies, so later training does not change a state dict already taken.
 */
public final class StateDict {
    private final Map<String, Tensor> entries = new LinkedHashMap<>();
    /** Keys of counters (a BatchNorm's num_batches_tracked), which files store as int64 as PyTorch does. */
    private final Set<String> integers = new HashSet<>();

    public StateDict put(String key, Tensor value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("state dict keys must be non-empty");
        }
        entries.put(key, value.copy());
        integers.remove(key);
        return this;
    }

    /** An integer entry: saved as int64. */
    public StateDict putInteger(String key, Tensor value) {
        put(key, value);
        integers.add(key);
        return this;
    }

    public boolean isInteger(String key) {
        return integers.contains(key);
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
