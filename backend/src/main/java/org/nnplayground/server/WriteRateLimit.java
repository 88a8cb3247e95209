package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Writes to the store (saving, changing and deleting models, storing datasets) per client address: a bucket
 * of {@code perMinute} writes that refills evenly over a minute. An empty bucket answers 429 with
 * {@code Retry-After}, the seconds until the next write is allowed. Behind a reverse proxy the address is the
 * one it forwards (--behind-proxy), or every visitor would share one bucket.
 */
final class WriteRateLimit {
    /** Addresses remembered at most; idle ones (full buckets) are forgotten first, so the map stays bounded. */
    static final int MAX_ADDRESSES = 10_000;

    /** Writes left (fractional while refilling) and when that was counted. */
    private record Bucket(double left, long atNanos) {
    }

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimit(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    void register(JavalinConfig config) {
        config.routes.before("/api/*", ctx -> {
            if (WriteGuard.isWrite(ctx) && isStoreWrite(ctx.path())) {
                take(ctx);
            }
        });
    }

    private static boolean isStoreWrite(String path) {
        return path.equals("/api/models") || path.startsWith("/api/models/") || path.equals("/api/datasets");
    }

    private void take(Context ctx) {
        long waitSeconds = take(ctx.ip());
        if (waitSeconds > 0) {
            throw new ApiException(429, "rate_limited", "too many changes to the store from your address: at most "
                    + perMinute + " a minute; try again in " + waitSeconds + " s").retryAfter(waitSeconds)
                    .with("perMinute", perMinute).with("wait", waitSeconds);
        }
    }

    /** Takes one write for {@code address}: 0 if allowed, else the whole seconds until one is. */
    long take(String address) {
        if (buckets.size() >= MAX_ADDRESSES) {
            forgetIdle();
        }
        double perNano = perMinute / 60e9;
        long now = nanoTime.getAsLong();
        long[] wait = {0};
        buckets.compute(address, (key, bucket) -> {
            double left = bucket == null ? perMinute : Math.min(perMinute, bucket.left() + (now - bucket.atNanos()) * perNano);
            if (left >= 1) {
                return new Bucket(left - 1, now);
            }
            wait[0] = Math.max(1, (long) Math.ceil((1 - left) / perNano / 1e9));
            return new Bucket(left, now);
        });
        return wait[0];
    }

    private void forgetIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(e -> (now - e.getValue().atNanos()) / 1e9 >= 60);
        if (buckets.size() >= MAX_ADDRESSES) {
            buckets.clear(); // a flood of fresh addresses: forgetting them all costs at most one extra minute of writes each
        }
    }

    int addressesRemembered() {
        return buckets.size();
    }
}
