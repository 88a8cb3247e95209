package org.nnplayground.loss;

/** Mean absolute error, |x − t| per element; like {@code torch.nn.L1Loss}. Its slope at x = t is 0, as torch's sign. */
public final class L1Loss extends ElementwiseLoss {
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super("L1Loss", reduction, "input and target");
    }

    @Override
    protected double term(double x, double t, int column) {
        return Math.abs(x - t);
    }

    @Override
    protected double slope(double x, double t, int column) {
        return Math.signum(x - t);
    }
}
