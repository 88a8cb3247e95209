package org.nnplayground.loss;

/** Mean squared error, (x − t)² per element; like {@code torch.nn.MSELoss}. */
public final class MSELoss extends ElementwiseLoss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super("MSELoss", reduction, "input and target");
    }

    @Override
    protected double term(double x, double t, int column) {
        double d = x - t;
        return d * d;
    }

    @Override
    protected double slope(double x, double t, int column) {
        return 2.0 * (x - t);
    }
}
