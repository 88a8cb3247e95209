package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nnplayground.text.CodedError;

/** Named entries in the order they were added; an unknown name is refused with the list of known ones. */
final class Registry<T> {
    private final Map<String, T> entries = new LinkedHashMap<>();
    private final Function<T, String> nameOf;

    Registry(Function<T, String> nameOf) {
        this.nameOf = nameOf;
    }

    void add(T entry) {
        entries.put(nameOf.apply(entry), entry);
    }

    List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The named entry; {@code where} names the field in the error for an unknown one. */
    T get(String name, String where) {
        T entry = entries.get(name);
        if (entry == null) {
            throw new CodedError("unknownName", where + " must be one of " + names() + ", got " + name, "field", where,
                    "names", String.valueOf(names()), "name", name);
        }
        return entry;
    }

    List<T> all() {
        return new ArrayList<>(entries.values());
    }
}
