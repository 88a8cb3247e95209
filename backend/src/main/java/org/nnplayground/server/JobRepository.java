package org.nnplayground.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The {@code jobs} table: each job's latest event as JSON, written by the server that runs it, so that every
 * server sharing the store can answer for it; and a cancel request any of them may set, which the running
 * server reads back each time it writes.
 */
final class JobRepository {
    /** A job's latest event as stored, when it was written, and whether the job has ended. */
    record StoredEvent(String name, String json, long updatedAt, boolean ended) {
    }

    private final Database database;

    JobRepository(Database database) {
        this.database = database;
    }

    /** Writes a job's latest event; answers whether someone asked to cancel the job. */
    boolean record(String id, String name, String json, boolean ended) {
        long now = System.currentTimeMillis();
        return database.transaction("record the job", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO jobs (id, event_name, event, updated_at, ended_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET event_name = excluded.event_name, event = excluded.event, "
                            + "updated_at = excluded.updated_at, ended_at = excluded.ended_at")) {
                upsert.setString(1, id);
                upsert.setString(2, name);
                upsert.setString(3, json);
                upsert.setLong(4, now);
                if (ended) {
                    upsert.setLong(5, now);
                } else {
                    upsert.setNull(5, java.sql.Types.BIGINT);
                }
                upsert.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT cancel_requested FROM jobs WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() && rs.getInt(1) != 0;
                }
            }
        });
    }

    /** The job's latest event, or null if no server recorded a job with this id. */
    StoredEvent latest(String id) {
        return database.transaction("read the job", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT event_name, event, updated_at, ended_at FROM jobs WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    rs.getLong(4);
                    boolean ended = !rs.wasNull();
                    return new StoredEvent(rs.getString(1), rs.getString(2), rs.getLong(3), ended);
                }
            }
        });
    }

    /** Asks the server running the job to cancel it; false if there is no such job. */
    boolean requestCancel(String id) {
        return database.transaction("cancel the job", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE jobs SET cancel_requested = 1 WHERE id = ?")) {
                update.setString(1, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    /** Forgets the jobs that ended before {@code millis}. */
    void forgetEndedBefore(long millis) {
        database.transaction("forget old jobs", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM jobs WHERE ended_at < ?")) {
                delete.setLong(1, millis);
                return delete.executeUpdate();
            }
        });
    }
}
