package org.nnplayground.tensor;

/**
 * Whether operations record the graph. {@code try (GradMode.Scope s = GradMode.noGrad()) { ... }} is
 * {@code with torch.no_grad():}. The mode is per thread, as in PyTorch, so server jobs training side
 * by side cannot switch each other's graphs off.
 */
public final class GradMode {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {
    }

    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** Opens a scope in which no graph is built; close it to restore the previous mode. */
    public static Scope noGrad() {
        int[] depth = DISABLED_DEPTH.get();
        depth[0]++;
        return new Scope(depth);
    }

    /** A no-grad scope, closed by try-with-resources. */
    public static final class Scope implements AutoCloseable {
        private final int[] depth;
        private boolean closed;

        private Scope(int[] depth) {
            this.depth = depth;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                depth[0]--;
            }
        }
    }
}
