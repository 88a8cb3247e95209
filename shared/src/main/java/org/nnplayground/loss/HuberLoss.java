package org.nnplayground.loss;

/**
 * Squared near zero, absolute (scaled by δ) further out: with d = |x − t|, 0.5·d² where d < δ, else
 * δ·(d − 0.5·δ); like {@code torch.nn.HuberLoss}. It is SmoothL1Loss with β = δ, times δ.
 */
public final class HuberLoss extends ElementwiseLoss {
    private final double delta;

    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(Reduction reduction, double delta) {
        super("HuberLoss", reduction, "input and target");
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("HuberLoss does not support non-positive values for delta, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    protected double term(double x, double t, int column) {
        double z = Math.abs(x - t);
        return z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
    }

    @Override
    protected double slope(double x, double t, int column) {
        double d = x - t;
        return d < -delta ? -delta : d > delta ? delta : d;
    }
}
