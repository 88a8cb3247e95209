package org.nnplayground.loss;

/**
 * How a loss combines its terms: their mean (PyTorch's default), their sum, or none (one term per element,
 * or per row for the class losses, left as a tensor).
 */
public enum Reduction {
    MEAN("mean"),
    SUM("sum"),
    NONE("none");

    private final String pythonName;

    Reduction(String pythonName) {
        this.pythonName = pythonName;
    }

    /** "mean", "sum" or "none", as PyTorch spells it. */
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
        throw new IllegalArgumentException(name + " is not a valid value for reduction (use 'mean', 'sum' or 'none')");
    }
}
