package org.nnplayground.loss;

/**
 * Squared near zero, absolute further out: with d = |x − t|, 0.5·d²/β where d < β, else d − 0.5·β; like
 * {@code torch.nn.SmoothL1Loss}. β = 0 is L1Loss.
 */
public final class SmoothL1Loss extends ElementwiseLoss {
    private final double beta;

    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    public SmoothL1Loss(Reduction reduction, double beta) {
        super("SmoothL1Loss", reduction, "input and target");
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("SmoothL1Loss does not support negative values for beta, got " + beta);
        }
        this.beta = beta;
    }

    @Override
    protected double term(double x, double t, int column) {
        double z = Math.abs(x - t);
        return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
    }

    @Override
    protected double slope(double x, double t, int column) {
        double d = x - t;
        return d < -beta ? -1.0 : d > beta ? 1.0 : beta == 0 ? 0.0 : d / beta;
    }
}
