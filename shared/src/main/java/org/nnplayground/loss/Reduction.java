package org.nnplayground.loss;

/** How a loss combines its per-element terms: their mean (PyTorch's default) or their sum. */
public enum Reduction {
    MEAN("mean"),
    SUM("sum");

    private final String pythonName;

    Reduction(String pythonName) {
        this.pythonName = pythonName;
    }

    /** "mean" or "sum", as PyTorch spells it. */
    public String pythonName() {
        return pythonName;
    }

    /** Reads PyTorch's spelling, rejecting anything else with a clear message. */
    public static Reduction fromPython(String name) {
        for (Reduction r : values()) {
            if (r.pythonName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(name + " is not a valid value for reduction (use 'mean' or 'sum')");
    }

    double divisor(int count) {
        return this == MEAN ? count : 1.0;
    }
}
