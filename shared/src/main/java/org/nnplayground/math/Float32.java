package org.nnplayground.math;

/** Rounding to float32 that gives the same bits on the JVM and in both browser builds. */
public final class Float32 {
    private Float32() {
    }

    /**
     * {@code x} rounded to the nearest float32, as the JVM's {@code (float)} cast rounds it. Written through the
     * float's bits because TeaVM's JavaScript build keeps a {@code float} at double precision until it is stored
     * as bits.
     */
    public static double round(double x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits((float) x));
    }
}
