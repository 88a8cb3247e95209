package org.nnplayground.server;

import java.sql.SQLException;

/**
 * What a database error means for the store's users: the disk is full (507), the store is read-only or
 * unreachable (503, with Retry-After), or something unforeseen (null: a bug, a 500). Read from SQLite's result
 * codes and PostgreSQL's SQLSTATEs. The store opens a new connection per transaction, so once the host clears
 * the condition the next request simply works: nothing needs a restart.
 */
final class StoreFailures {
    static final int RETRY_AFTER_SECONDS = 30;

    private StoreFailures() {
    }

    /** The answer for a failed transaction, or null if the error is not one of the store's conditions. */
    static ApiException classify(SQLException e) {
        int sqlite = e.getClass().getName().startsWith("org.sqlite.") ? e.getErrorCode() & 0xFF : -1;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (sqlite == 13 || state.equals("53100")) {
            return new ApiException(507, "store_full", "the model store is full: the disk holding it has no room left, "
                    + "so nothing was saved; reading goes on, and saving works again once the host frees space");
        }
        if (sqlite == 8 || state.equals("25006")) {
            return unavailable("store_read_only", "the model store is read-only (its folder or file cannot be written), "
                    + "so nothing was saved; reading goes on, and saving works again once the host makes it writable");
        }
        if (sqlite == 14 || sqlite == 10 || sqlite == 11 || sqlite == 26 || state.startsWith("08") || state.startsWith("57P")
                || state.startsWith("53")) {
            return unavailable("store_unavailable", "the model store is unavailable (its database cannot be opened or read); "
                    + "the rest of the playground works, and the store comes back once the host restores its database");
        }
        if (sqlite == 5 || sqlite == 6) {
            return unavailable("store_busy", "the model store is busy; try again in a moment");
        }
        return null;
    }

    private static ApiException unavailable(String code, String message) {
        return new ApiException(503, code, message).retryAfter(RETRY_AFTER_SECONDS);
    }
}
