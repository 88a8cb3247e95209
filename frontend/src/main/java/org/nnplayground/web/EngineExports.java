package org.nnplayground.web;

import org.nnplayground.probe.MathsProbe;
import org.nnplayground.probe.PortabilityProbe;
import org.teavm.jso.JSExport;

/** Entry points the browser calls; TeaVM compiles this class and everything it reaches. */
public final class EngineExports {
    private EngineExports() {
    }

    public static void main(String[] args) {
        // TeaVM needs a main class; the exports below are the real entry points.
    }

    /** The core's portability probe for {@code seed}, as JSON; the JVM computes the same text. */
    @JSExport
    public static String probe(int seed) {
        return PortabilityProbe.run(seed);
    }

    /** A digest of the exact bits of a portable function over {@code count} inputs; see {@link MathsProbe}. */
    @JSExport
    public static String mathsDigest(String function, int seed, int count) {
        return MathsProbe.digest(function, seed, count);
    }

    /** One value of a portable function, for pinpointing a difference the digest reveals. */
    @JSExport
    public static double maths(String function, double x) {
        return MathsProbe.evaluate(function, x);
    }
}
