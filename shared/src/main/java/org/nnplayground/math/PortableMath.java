package org.nnplayground.math;

/**
 * exp, expm1, log, log1p, tanh and erf in plain Java, so the JVM, JavaScript and WebAssembly builds
 * compute bit-identical results (each platform's own {@code Math} differs, and TeaVM's tanh is NaN
 * past |x| ≈ 710).
 *
 * <p>The algorithms are those of Sun's fdlibm (the reference behind {@link StrictMath}): argument
 * reduction by ln 2 and a minimax polynomial; results are within 1 ulp of {@code StrictMath}. Where
 * fdlibm reads or writes exponent bits, exp and expm1 use comparisons and exact multiplication by
 * powers of two instead, which keeps them fast in JavaScript, where reading a double's bits is costly.
 *
 * <p>Operand order matters for the JavaScript build: a compound right operand of the same precedence
 * ({@code a + (b + c)}) is emitted without its parentheses, so such sums are written compound-first.
 */
public final class PortableMath {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double TWOM1000 = 9.33263618503218878990e-302;
    private static final double EXP_OVERFLOW = 7.09782712893383973096e+02;
    private static final double EXP_UNDERFLOW = -7.45133219101941108420e+02;

    // Thresholds of fdlibm's high-word tests, as doubles: |x| >= bound(hw) ⟺ highWord(|x|) >= hw.
    private static final double HW_40862E42 = highWordBound(0x40862E42);
    private static final double HW_3FD62E43 = highWordBound(0x3fd62e43);
    private static final double HW_3FF0A2B2 = highWordBound(0x3FF0A2B2);
    private static final double HW_3E300000 = highWordBound(0x3e300000);
    private static final double HW_4043687A = highWordBound(0x4043687A);
    private static final double HW_3C900000 = highWordBound(0x3c900000);

    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;

    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;

    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;

    /** 2^k for k in [-1022, 1023], built by exact doubling. */
    private static final double[] POW2 = powersOfTwo();

    private PortableMath() {
    }

    private static double highWordBound(int highWord) {
        return Double.longBitsToDouble(((long) highWord) << 32);
    }

    private static double[] powersOfTwo() {
        double[] table = new double[2046];
        table[1022] = 1.0;
        for (int k = 1; k <= 1023; k++) {
            table[1022 + k] = table[1021 + k] * 2.0;
            if (k <= 1022) {
                table[1022 - k] = table[1023 - k] * 0.5;
            }
        }
        return table;
    }

    /** 2^k for k in [-1022, 1023]. */
    static double pow2(int k) {
        return POW2[k + 1022];
    }

    /** y · 2^k for y near 1 and k in [-1074, 1024], rounding once like fdlibm's exponent arithmetic. */
    private static double scale(double y, int k) {
        if (k > 1023) {
            return y * 2.0 * pow2(k - 1);
        }
        if (k >= -1021) {
            return y * pow2(k);
        }
        return y * pow2(k + 1000) * TWOM1000;
    }

    /** e^x. */
    public static double exp(double x) {
        if (x == 0) {
            return 1.0; // the row maximum in every softmax: skip the reduction
        }
        if (x != x) {
            return x + x;
        }
        double ax = x < 0 ? -x : x;
        if (ax >= HW_40862E42) {
            if (x > EXP_OVERFLOW) {
                return Double.POSITIVE_INFINITY;
            }
            if (x < EXP_UNDERFLOW) {
                return 0.0;
            }
        }
        double hi = 0;
        double lo = 0;
        int k = 0;
        if (ax >= HW_3FD62E43) {
            if (ax < HW_3FF0A2B2) {
                if (x > 0) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
        } else if (ax < HW_3E300000) {
            return 1.0 + x;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        return scale(y, k);
    }

    /** e^x − 1, accurate near zero. */
    public static double expm1(double x) {
        if (x != x) {
            return x + x;
        }
        boolean negative = x < 0;
        double ax = negative ? -x : x;
        if (ax >= HW_4043687A) {
            if (ax >= HW_40862E42 && x > EXP_OVERFLOW) {
                return Double.POSITIVE_INFINITY;
            }
            if (negative) {
                return -1.0;
            }
        }
        double c = 0;
        int k;
        if (ax >= HW_3FD62E43) {
            double hi;
            double lo;
            if (ax < HW_3FF0A2B2) {
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (ax < HW_3C900000) {
            return x;
        } else {
            k = 0;
        }
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = ((r1 - t) / (6.0 - x * t)) * hxs;
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1) {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) {
            double y = 1.0 - (e - x);
            return scale(y, k) - 1.0;
        }
        if (k < 20) {
            double y = (1.0 - pow2(-k)) - (e - x);
            return y * pow2(k);
        }
        double y = x - (e + pow2(-k));
        y += 1.0;
        return y * pow2(k);
    }

    /** Natural logarithm. */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int lx = (int) bits;
        int k = 0;
        if (hx < 0x00100000) {
            if (((hx & 0x7fffffff) | lx) == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hx < 0) {
                return Double.NaN;
            }
            k -= 54;
            x *= TWO54;
            bits = Double.doubleToRawLongBits(x);
            hx = (int) (bits >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // Normalise x into [sqrt(2)/2, sqrt(2)).
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL));
        k += i >> 20;
        double f = x - 1.0;
        double dk = k;
        if ((0x000fffff & (2 + hx)) < 3) {
            if (f == 0) {
                return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        int i2 = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = t2 + t1;
        if ((i2 | j) > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /** log(1 + x), accurate near zero. */
    public static double log1p(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        int ax = hx & 0x7fffffff;
        int k = 1;
        double f = 0;
        double c = 0;
        int hu = 0;
        if (hx < 0x3FDA827A) {
            if (ax >= 0x3ff00000) {
                return x == -1.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            if (ax < 0x3e200000) {
                if (ax < 0x3c900000) {
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= (int) 0xbfd2bec3) {
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = (int) (Double.doubleToRawLongBits(u) >> 32);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            } else {
                u = x;
                hu = (int) (Double.doubleToRawLongBits(u) >> 32);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            long low = Double.doubleToRawLongBits(u) & 0xffffffffL;
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = Double.longBitsToDouble(((long) (hu | 0x3ff00000) << 32) | low);
            } else {
                k += 1;
                u = Double.longBitsToDouble(((long) (hu | 0x3fe00000) << 32) | low);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        double dk = k;
        if (hu == 0) {
            if (f == 0) {
                if (k == 0) {
                    return 0.0;
                }
                c += dk * LN2_LO;
                return dk * LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : dk * LN2_HI - ((r - (dk * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return dk * LN2_HI - ((hfsq - ((dk * LN2_LO + c) + s * (hfsq + r))) - f);
    }

    /** Hyperbolic tangent; exact ±1 for |x| ≥ 22 and −0 for −0. */
    public static double tanh(double x) {
        if (x != x) {
            return x;
        }
        double ax = x < 0 ? -x : x;
        double z;
        if (ax >= 22.0) {
            z = 1.0;
        } else if (ax < 0x1p-55) {
            return x * (1.0 + x);
        } else if (ax >= 1.0) {
            double t = expm1(2.0 * ax);
            z = 1.0 - 2.0 / (t + 2.0);
        } else {
            double t = expm1(-2.0 * ax);
            z = -t / (t + 2.0);
        }
        return x < 0 ? -z : z;
    }
    /**
     * x^p. Whole exponents (the common x², x³) use repeated squaring, exact for squares; others use
     * e^(p·log x), which loses a few ulps for large |p·log x| but is the same on every platform.
     */
    public static double pow(double x, double p) {
        if (p == 0) {
            return 1.0;
        }
        if (p == 0.5) {
            return Math.sqrt(x);
        }
        if (Math.abs(p) <= 1 << 30 && p == (int) p) { // whole (not Math.rint: 64-bit arithmetic in the JavaScript build)
            int n = (int) Math.abs(p);
            double result = 1.0;
            double base = x;
            while (n > 0) {
                if ((n & 1) != 0) {
                    result *= base;
                }
                base *= base;
                n >>= 1;
            }
            return p < 0 ? 1.0 / result : result;
        }
        if (x < 0) {
            return Double.NaN;
        }
        return exp(p * log(x));
    }

    /** The error function, erf(x) = 2/√π ∫₀ˣ e^(−t²) dt (fdlibm's s_erf.c); see {@link Erf}. */
    public static double erf(double x) {
        return Erf.erf(x);
    }
}
