package org.nnplayground.server;

import org.nnplayground.run.LayerSpec;
import org.nnplayground.run.RunConfig;

/**
 * What one server-side run may cost: data points, trainable parameters per network, updates, and memory — the
 * values one pass over all the points holds (points times the widths of every layer's output, for each
 * optimizer's copy of the network), which is what grows a run's heap. A configuration past a limit is refused
 * with a message naming the limit, before any work starts.
 */
public record TrainingLimits(int maxPoints, int maxParameters, int maxSteps, long maxActivations) {
    /** 10 million values: about 80 MB for one pass in float64, a few times that with its gradients. */
    public static final long DEFAULT_MAX_ACTIVATIONS = 10_000_000;
    public static final TrainingLimits DEFAULTS = new TrainingLimits(20_000, 200_000, 20_000, DEFAULT_MAX_ACTIVATIONS);

    public TrainingLimits(int maxPoints, int maxParameters, int maxSteps) {
        this(maxPoints, maxParameters, maxSteps, DEFAULT_MAX_ACTIVATIONS);
    }

    public void check(RunConfig config) {
        int points = config.dataset().n();
        if (points > maxPoints) {
            throw new LimitExceeded("points", points, maxPoints);
        }
        long parameters = parameters(config);
        if (parameters > maxParameters) {
            throw new LimitExceeded("parameters", parameters, maxParameters);
        }
        if (config.steps() > maxSteps) {
            throw new LimitExceeded("steps", config.steps(), maxSteps);
        }
        long activations = activations(config);
        if (activations > maxActivations) {
            throw new LimitExceeded("activations (points × layer widths × optimizers)", activations, maxActivations);
        }
    }

    /** Values one forward pass over every point holds, for all of the run's networks together. */
    static long activations(RunConfig config) {
        long widths = config.outputWidth();
        for (LayerSpec layer : config.layers()) {
            widths += layer.units();
        }
        return (long) config.dataset().n() * widths * config.optimizers().size();
    }

    /** Weights and biases of one copy of the network the configuration describes. */
    static long parameters(RunConfig config) {
        int width = config.inputWidth();
        long count = 0;
        for (LayerSpec layer : config.layers()) {
            count += (long) width * layer.units() + (layer.bias() ? layer.units() : 0);
            width = layer.units();
        }
        int outputs = config.outputWidth();
        return count + (long) width * outputs + outputs;
    }

    /** A configuration beyond a server limit; answered with 400 and the limit's name. */
    public static final class LimitExceeded extends IllegalArgumentException {
        LimitExceeded(String what, long value, long limit) {
            super("limit exceeded: " + what + " " + value + " is more than this server allows (" + limit + ")");
        }
    }
}
