package org.nnplayground.random;

/**
 * Our own seeded pseudo-random generator, the single source of randomness in the core: the same seed
 * gives the same stream on the JVM, in JavaScript and in WebAssembly.
 *
 * <p>The stream is xoshiro128** (Blackman and Vigna, 2018) over four 32-bit words, seeded by
 * SplitMix64. Only 32-bit shifts, rotations, xors and additions run per draw: JavaScript stores Java
 * {@code long}s as BigInts, and its int multiplication is easy to get wrong, so multiplications by 5
 * and 9 are written as shifts and adds. Uniform doubles carry 53 random bits; normal deviates come
 * from Marsaglia's polar method, which needs only {@code log} and {@code sqrt} (no platform trigonometry).
 */
public final class Generator {
    private int s0;
    private int s1;
    private int s2;
    private int s3;
    private double spareNormal;
    private boolean hasSpareNormal;

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** A generator in the given xoshiro128** state (not all zero), for checking against the reference code. */
    static Generator ofState(int s0, int s1, int s2, int s3) {
        Generator g = new Generator(0);
        g.s0 = s0;
        g.s1 = s1;
        g.s2 = s2;
        g.s3 = s3;
        return g;
    }

    /** Restarts the stream from {@code seed}, like {@code torch.Generator.manual_seed}. */
    public Generator manualSeed(long seed) {
        long z = seed;
        long a = splitMix(z += 0x9E3779B97F4A7C15L);
        long b = splitMix(z += 0x9E3779B97F4A7C15L);
        s0 = (int) a;
        s1 = (int) (a >>> 32);
        s2 = (int) b;
        s3 = (int) (b >>> 32);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
        hasSpareNormal = false;
        return this;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 32 random bits. */
    public int nextInt() {
        int times5 = (s1 << 2) + s1;
        int rotated = Integer.rotateLeft(times5, 7);
        int result = (rotated << 3) + rotated;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Integer.rotateLeft(s3, 11);
        return result;
    }

    /** A uniform double in [0, 1) with 53 random bits. */
    public double uniform() {
        int high = nextInt() >>> 5;
        int low = nextInt() >>> 6;
        return (high * 67108864.0 + low) * 0x1.0p-53;
    }

    /** A uniform double in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * uniform();
    }

    /** A uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int value = (int) (uniform() * bound);
        return value < bound ? value : bound - 1;
    }

    /** A standard normal deviate (mean 0, standard deviation 1). */
    public double normal() {
        if (hasSpareNormal) {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = Math.sqrt(-2.0 * org.nnplayground.math.PortableMath.log(s) / s);
        spareNormal = v * factor;
        hasSpareNormal = true;
        return u * factor;
    }

    /** A normal deviate with the given mean and standard deviation. */
    public double normal(double mean, double std) {
        return mean + std * normal();
    }

    /** A random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
