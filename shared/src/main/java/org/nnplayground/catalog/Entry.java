package org.nnplayground.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every entry of the catalog has: its PyTorch name and its keyword arguments with their defaults, read from a
 * JSON object. Activations, normalisations, losses, optimizers and schedulers add how to build theirs.
 */
public abstract class Entry {
    private final String name;
    private final List<Option> options;

    Entry(String name, List<Option> options) {
        this.name = name;
        this.options = options;
    }

    public final String name() {
        return name;
    }

    public final List<Option> options() {
        return options;
    }

    /** Reads the keyword arguments from a JSON object, skipping the caller's own keys ({@code other}). */
    public Options read(Map<String, Object> json, Set<String> other, String where) {
        return Options.read(json, options, other, where);
    }
}
