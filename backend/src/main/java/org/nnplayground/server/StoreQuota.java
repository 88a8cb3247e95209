package org.nnplayground.server;

import java.nio.charset.StandardCharsets;

/**
 * The store's size limit: a save that would take the saved models and datasets past it is refused with 507
 * and a message saying so, and nothing is written. Counted from the rows themselves, so servers sharing one
 * database share one quota (two saves racing may pass it by one row: it is a budget, not an invariant).
 */
final class StoreQuota {
    private final Database database;
    private final long quotaBytes;

    StoreQuota(Database database, long quotaBytes) {
        this.database = database;
        this.quotaBytes = quotaBytes;
    }

    void ensureRoomFor(String text) {
        long adding = text.getBytes(StandardCharsets.UTF_8).length;
        long used = database.storedBytes();
        if (used + adding > quotaBytes) {
            throw new ApiException(507, "store_full", "the model store is full: its quota of " + megabytes(quotaBytes)
                    + " is used (" + megabytes(used) + "); delete saved models to make room, or ask the host to raise --store-quota-mb");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
