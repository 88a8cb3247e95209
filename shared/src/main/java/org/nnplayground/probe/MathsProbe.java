package org.nnplayground.probe;

import org.nnplayground.math.PortableMath;
import org.nnplayground.math.Trig;
import org.nnplayground.random.Generator;

/**
 * The portable functions evaluated over many inputs of every scale, for comparing platforms bit for bit:
 * each result is folded into a checksum of its exact bits, so one differing ulp changes the digest.
 */
public final class MathsProbe {
    private MathsProbe() {
    }

    /** The first input (as text) where {@code function} gives {@code expected}'s bits, or a digest of all results. */
    public static String digest(String function, long seed, int count) {
        Generator g = new Generator(seed);
        long hash = 17;
        for (int i = 0; i < count; i++) {
            double x = input(g, i);
            double y = evaluate(function, x);
            hash = hash * 31 + Double.doubleToLongBits(y);
        }
        return function + ":" + hash;
    }

    /** Inputs spread over many scales, signs and the ranges where the algorithms switch branches. */
    static double input(Generator g, int i) {
        double scale = PortableMath.pow(2, (i % 41) - 20);
        double x = g.uniform(-1, 1) * scale;
        return i % 5 == 0 ? x * 700 : x;
    }

    public static double evaluate(String function, double x) {
        switch (function) {
            case "exp":
                return PortableMath.exp(x);
            case "expm1":
                return PortableMath.expm1(x);
            case "log":
                return PortableMath.log(Math.abs(x));
            case "log1p":
                return PortableMath.log1p(Math.abs(x));
            case "tanh":
                return PortableMath.tanh(x);
            case "erf":
                return PortableMath.erf(x);
            case "pow":
                return PortableMath.pow(Math.abs(x), 1.5);
            case "sin":
                return Trig.sin(x % 1e4);
            case "cos":
                return Trig.cos(x % 1e4);
            default:
                throw new IllegalArgumentException("unknown function " + function);
        }
    }
}
