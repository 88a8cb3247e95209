package org.nnplayground.server;

/**
 * The rules of the model store: whether every visitor may browse all saved models (a public gallery), the
 * host's admin key (null for none: nobody may change another's model), how many writes (saves, changes,
 * deletions, stored datasets) one client address may make a minute, and how large the store may grow.
 */
public record StoreSettings(boolean gallery, String adminKey, int writesPerMinute, long quotaBytes) {
    public static final int DEFAULT_WRITES_PER_MINUTE = 60;
    public static final long DEFAULT_QUOTA_BYTES = 1L << 30;
    public static final StoreSettings DEFAULTS = new StoreSettings(false, null, DEFAULT_WRITES_PER_MINUTE, DEFAULT_QUOTA_BYTES);

    /** An admin key shorter than this is refused: it guards every saved model. */
    static final int MIN_ADMIN_KEY = 20;

    public StoreSettings {
        if (adminKey != null && adminKey.isBlank()) {
            adminKey = null;
        }
        if (adminKey != null && (adminKey.length() < MIN_ADMIN_KEY || !adminKey.chars().allMatch(c -> c > ' ' && c < 127))) {
            throw new IllegalArgumentException("the admin key must be at least " + MIN_ADMIN_KEY
                    + " printable characters without spaces (e.g. from: openssl rand -base64 32)");
        }
        if (writesPerMinute < 1) {
            throw new IllegalArgumentException("writes per minute must be at least 1, got " + writesPerMinute);
        }
        if (quotaBytes < 1) {
            throw new IllegalArgumentException("the store's quota must be positive");
        }
    }

    public StoreSettings withGallery(boolean on) {
        return new StoreSettings(on, adminKey, writesPerMinute, quotaBytes);
    }

    public StoreSettings withAdminKey(String key) {
        return new StoreSettings(gallery, key, writesPerMinute, quotaBytes);
    }

    public StoreSettings withWritesPerMinute(int writes) {
        return new StoreSettings(gallery, adminKey, writes, quotaBytes);
    }

    public StoreSettings withQuotaBytes(long bytes) {
        return new StoreSettings(gallery, adminKey, writesPerMinute, bytes);
    }
}
