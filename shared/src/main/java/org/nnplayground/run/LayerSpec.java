package org.nnplayground.run;

import org.nnplayground.catalog.Activations;
import org.nnplayground.catalog.Norms;
import org.nnplayground.catalog.Options;

/**
 * One hidden layer: its width, whether its Linear has a bias, an optional normalisation after the Linear, the
 * activation with its options, and the dropout probability after it (0: none). PyTorch's usual order:
 * Linear, BatchNorm1d or LayerNorm, activation, Dropout.
 */
public final class LayerSpec {
    final int units;
    final boolean bias;
    final String activation;
    final Options activationOptions;
    final String norm;
    final Options normOptions;
    final double dropout;

    LayerSpec(int units, boolean bias, String activation, Options activationOptions, String norm, Options normOptions,
            double dropout) {
        this.units = units;
        this.bias = bias;
        this.activation = activation;
        this.activationOptions = activationOptions;
        this.norm = norm;
        this.normOptions = normOptions;
        this.dropout = dropout;
    }

    public int units() {
        return units;
    }

    public boolean bias() {
        return bias;
    }

    public String activation() {
        return activation;
    }

    /** The activation's options (PyTorch's defaults for those not given). */
    public Options activationOptions() {
        return activationOptions;
    }

    public Activations.Type activationType() {
        return Activations.get(activation, "activation");
    }

    /** The normalisation's PyTorch name, or null for none. */
    public String norm() {
        return norm;
    }

    public Options normOptions() {
        return normOptions;
    }

    public Norms.Type normType() {
        return norm == null ? null : Norms.get(norm, "norm");
    }

    /** The probability a Dropout after the activation zeroes a value; 0 for no Dropout. */
    public double dropout() {
        return dropout;
    }
}
