package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The write budget per address on a clock the test turns: refill, separate buckets, bounded memory. */
class WriteRateLimitTest {
    @Test
    void theRateLimitRefillsOverAMinuteAndForgetsIdleAddresses() {
        long[] now = {0};
        WriteRateLimit limit = new WriteRateLimit(6, () -> now[0]);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, limit.take("a"));
        }
        assertEquals(10, limit.take("a"), "one write comes back every 10 s");
        assertEquals(0, limit.take("b"), "another address has its own bucket");
        now[0] += 10_000_000_000L;
        assertEquals(0, limit.take("a"));
        assertEquals(10, limit.take("a"));
        for (int i = 0; i < WriteRateLimit.MAX_ADDRESSES + 50; i++) {
            limit.take("addr" + i);
            now[0] += 1_000_000L;
        }
        assertTrue(limit.addressesRemembered() <= WriteRateLimit.MAX_ADDRESSES, "bounded: " + limit.addressesRemembered());
    }
}
