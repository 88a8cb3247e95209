package org.nnplayground.random;

/**
 * The default generator, like PyTorch's global one: {@code GlobalRandom.manualSeed(1)} plays the role of
 * {@code torch.manual_seed(1)} for code that does not pass a generator (the course's scripts).
 * Servers that train several models at once pass their own {@link Generator} instead.
 */
public final class GlobalRandom {
    private static final Generator DEFAULT = new Generator(0);

    private GlobalRandom() {
    }

    public static Generator manualSeed(long seed) {
        return DEFAULT.manualSeed(seed);
    }

    public static Generator get() {
        return DEFAULT;
    }
}
