package org.nnplayground.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nnplayground.random.Generator;

/**
 * Our portable functions stay within 1 ulp of StrictMath (fdlibm) over a million inputs each, spread over
 * the ranges training meets and the extremes; erf, which StrictMath lacks, against a 40-digit series.
 */
class PortableMathTest {
    private static final int SAMPLES = 1_000_000;

    /** Inputs: mostly moderate magnitudes, with tiny, huge and special values mixed in. */
    private static double sample(Generator g, double range, int i) {
        switch (i % 4) {
            case 0:
                return g.uniform(-range, range);
            case 1:
                return g.uniform(-1, 1);
            case 2:
                return g.uniform(-1, 1) * Math.pow(2, g.uniform(-60, 10));
            default:
                return g.uniform(-range, range) * g.uniform();
        }
    }

    private static void withinOneUlp(String name, DoubleUnaryOperator ours, DoubleUnaryOperator reference,
            double range, boolean positiveOnly) {
        Generator g = new Generator(20261127);
        long worst = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = sample(g, range, i);
            if (positiveOnly) {
                x = Math.abs(x);
            }
            double expected = reference.applyAsDouble(x);
            double actual = ours.applyAsDouble(x);
            long ulps = ulpDistance(expected, actual);
            worst = Math.max(worst, ulps);
            if (ulps > 1) {
                throw new AssertionError(name + "(" + x + "): expected " + expected + ", got " + actual + " (" + ulps + " ulp)");
            }
        }
        System.out.println(name + ": worst " + worst + " ulp over " + SAMPLES + " inputs");
    }

    static long ulpDistance(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
            return 0;
        }
        long la = Double.doubleToLongBits(a);
        long lb = Double.doubleToLongBits(b);
        if ((la < 0) != (lb < 0)) {
            return Math.abs(la & Long.MAX_VALUE) + Math.abs(lb & Long.MAX_VALUE);
        }
        return Math.abs(la - lb);
    }

    @Test
    void expIsWithinOneUlpOfStrictMath() {
        withinOneUlp("exp", PortableMath::exp, StrictMath::exp, 745, false);
    }

    @Test
    void expm1IsWithinOneUlpOfStrictMath() {
        withinOneUlp("expm1", PortableMath::expm1, StrictMath::expm1, 710, false);
    }

    @Test
    void logIsWithinOneUlpOfStrictMath() {
        withinOneUlp("log", PortableMath::log, StrictMath::log, 1e300, true);
        withinOneUlp("log near 1", x -> PortableMath.log(1 + x), x -> StrictMath.log(1 + x), 0.5, false);
    }

    @Test
    void log1pIsWithinOneUlpOfStrictMath() {
        withinOneUlp("log1p", PortableMath::log1p, StrictMath::log1p, 1e6, true);
        withinOneUlp("log1p small", PortableMath::log1p, StrictMath::log1p, 0.99, false);
    }

    @Test
    void tanhIsWithinOneUlpOfStrictMath() {
        withinOneUlp("tanh", PortableMath::tanh, StrictMath::tanh, 30, false);
    }

    @Test
    void specialValuesFollowIeee() {
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(710));
        assertEquals(0.0, PortableMath.exp(-746));
        assertEquals(1.0, PortableMath.exp(0));
        assertTrue(Double.isNaN(PortableMath.exp(Double.NaN)));
        assertEquals(Double.NEGATIVE_INFINITY, PortableMath.log(0));
        assertTrue(Double.isNaN(PortableMath.log(-1)));
        assertEquals(StrictMath.log(Double.MIN_VALUE), PortableMath.log(Double.MIN_VALUE));
        assertEquals(1.0, PortableMath.tanh(1000));
        assertEquals(-1.0, PortableMath.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PortableMath.tanh(-0.0)));
        assertEquals(-1.0, PortableMath.expm1(-800));
        assertEquals(Double.NEGATIVE_INFINITY, PortableMath.log1p(-1));
        assertEquals(1.0, PortableMath.erf(10));
        assertEquals(-1.0, PortableMath.erf(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, PortableMath.erf(0));
    }

    @Test
    void erfIsWithinOneUlpOfAHighPrecisionSeriesOverAMillionInputs() {
        Generator g = new Generator(7);
        long worst = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double x = i % 2 == 0 ? g.uniform(-6, 6) : g.uniform(-1, 1) * Math.pow(2, g.uniform(-30, 1));
            double expected = ErfReference.erf(x);
            long ulps = ulpDistance(expected, PortableMath.erf(x));
            worst = Math.max(worst, ulps);
            if (ulps > 1) {
                throw new AssertionError("erf(" + x + "): " + ulps + " ulp from " + expected);
            }
        }
        System.out.println("erf: worst " + worst + " ulp over " + SAMPLES + " inputs");
    }

    @Test
    void theErfReferenceAgreesWithA60DigitSeries() {
        Generator g = new Generator(8);
        for (int i = 0; i < 200; i++) {
            double x = g.uniform(-6, 6);
            assertEquals(erfSeries(x), ErfReference.erf(x), "reference at " + x);
        }
    }

    /** erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)), summed with 60-digit decimals. */
    private static double erfSeries(double value) {
        MathContext mc = new MathContext(60);
        BigDecimal x = new BigDecimal(value);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 400; n++) {
            BigDecimal contribution = term.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(contribution, mc);
            if (contribution.abs().compareTo(new BigDecimal("1e-45")) < 0) {
                break;
            }
            term = term.multiply(x2, mc).negate().divide(BigDecimal.valueOf(n + 1), mc);
        }
        BigDecimal twoOverSqrtPi = new BigDecimal("1.12837916709551257389615890312154517168810125865799771368817");
        return sum.multiply(twoOverSqrtPi, mc).doubleValue();
    }

    @Test
    void powOfWholeExponentsIsExactForSquares() {
        Generator g = new Generator(3);
        for (int i = 0; i < 10000; i++) {
            double x = g.uniform(-10, 10);
            assertEquals(x * x, PortableMath.pow(x, 2));
            assertEquals(x * x * x, PortableMath.pow(x, 3), Math.ulp(x * x * x));
        }
        assertEquals(Math.sqrt(2), PortableMath.pow(2, 0.5));
        assertEquals(0.125, PortableMath.pow(2, -3));
        assertTrue(Double.isNaN(PortableMath.pow(-2, 0.3)));
        assertEquals(Math.pow(2.5, 1.7), PortableMath.pow(2.5, 1.7), 1e-14);
    }

    @Test
    void sinAndCosAreCloseToStrictMath() {
        Generator g = new Generator(5);
        for (int i = 0; i < 100000; i++) {
            double x = g.uniform(-100, 100);
            assertTrue(ulpDistance(StrictMath.sin(x), Trig.sin(x)) <= 2 || Math.abs(StrictMath.sin(x) - Trig.sin(x)) < 1e-15,
                    "sin " + x);
            assertTrue(ulpDistance(StrictMath.cos(x), Trig.cos(x)) <= 2 || Math.abs(StrictMath.cos(x) - Trig.cos(x)) < 1e-15,
                    "cos " + x);
        }
    }
}
