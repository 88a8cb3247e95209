package org.nnplayground.math;

/**
 * sin and cos for the synthetic datasets (spirals, moons, sine waves), identical on every platform.
 * The argument is reduced by multiples of π/2 in two parts (Cody and Waite), then fdlibm's kernel
 * polynomials on [−π/4, π/4] apply. Accurate to about 1 ulp for |x| below 10^5, the only range the
 * datasets use; not a general replacement for {@code StrictMath}.
 */
public final class Trig {
    private static final double TWO_OVER_PI = 6.36619772367581382433e-01;
    private static final double PIO2_HI = 1.57079632673412561417e+00;
    private static final double PIO2_LO = 6.07710050650619224932e-11;
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    private Trig() {
    }

    public static double sin(double x) {
        return eval(x, 0);
    }

    public static double cos(double x) {
        return eval(x, 1);
    }

    /** sin(x + shift·π/2). */
    private static double eval(double x, int shift) {
        if (!(Math.abs(x) < 1e5)) {
            if (x != x || Double.isInfinite(x)) {
                return Double.NaN;
            }
            throw new IllegalArgumentException("sin/cos are only supported for |x| < 1e5, got " + x);
        }
        double n = Math.rint(x * TWO_OVER_PI);
        double r = (x - n * PIO2_HI) - n * PIO2_LO;
        int quadrant = ((int) n + shift) & 3;
        switch (quadrant) {
            case 0:
                return kernelSin(r);
            case 1:
                return kernelCos(r);
            case 2:
                return -kernelSin(r);
            default:
                return -kernelCos(r);
        }
    }

    private static double kernelSin(double x) {
        double z = x * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x + (z * x) * (S1 + z * r);
    }

    private static double kernelCos(double x) {
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        return 1.0 - (0.5 * z - r * z);
    }
}
