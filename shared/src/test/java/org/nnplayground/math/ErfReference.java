package org.nnplayground.math;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * erf(x) for |x| ≤ 6 from its Taylor series, 2/√π Σ (−1)ⁿ x^(2n+1) / (n!(2n+1)), summed in double-double
 * arithmetic (about 32 significant digits): fast enough for a million reference values, and accurate
 * to well under an ulp even where the series' terms cancel.
 */
final class ErfReference {
    private static final BigDecimal TWO_OVER_SQRT_PI =
            new BigDecimal("1.12837916709551257389615890312154517168810125865799771368817");
    private static final double C_HI = TWO_OVER_SQRT_PI.doubleValue();
    private static final double C_LO = TWO_OVER_SQRT_PI.subtract(new BigDecimal(C_HI), MathContext.DECIMAL128).doubleValue();

    private ErfReference() {
    }

    static double erf(double x) {
        if (Math.abs(x) > 6) {
            return Math.signum(x);
        }
        // x² exactly as a double-double.
        double x2hi = x * x;
        double x2lo = Math.fma(x, x, -x2hi);
        double termHi = x;
        double termLo = 0;
        double sumHi = x;
        double sumLo = 0;
        for (int n = 1; n < 400; n++) {
            // term = term · (−x²) / n
            double[] product = mul(termHi, termLo, -x2hi, -x2lo);
            double[] quotient = div(product[0], product[1], n);
            termHi = quotient[0];
            termLo = quotient[1];
            double[] contribution = div(termHi, termLo, 2 * n + 1);
            double[] sum = add(sumHi, sumLo, contribution[0], contribution[1]);
            sumHi = sum[0];
            sumLo = sum[1];
            if (Math.abs(contribution[0]) < 1e-40 * Math.max(1, Math.abs(sumHi))) {
                break;
            }
        }
        double[] result = mul(sumHi, sumLo, C_HI, C_LO);
        return result[0] + result[1];
    }

    private static double[] twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return new double[] {s, err};
    }

    private static double[] add(double ahi, double alo, double bhi, double blo) {
        double[] s = twoSum(ahi, bhi);
        double[] t = twoSum(alo, blo);
        double[] u = twoSum(s[0], s[1] + t[0]);
        return twoSum(u[0], u[1] + t[1]);
    }

    private static double[] mul(double ahi, double alo, double bhi, double blo) {
        double p = ahi * bhi;
        double err = Math.fma(ahi, bhi, -p) + (ahi * blo + alo * bhi);
        double s = p + err;
        return new double[] {s, err - (s - p)};
    }

    private static double[] div(double ahi, double alo, double b) {
        double q1 = ahi / b;
        double r = Math.fma(-q1, b, ahi) + alo;
        double q2 = r / b;
        double s = q1 + q2;
        return new double[] {s, q2 - (s - q1)};
    }
}
