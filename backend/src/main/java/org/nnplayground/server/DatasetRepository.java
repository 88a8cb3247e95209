package org.nnplayground.server;

import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * The {@code datasets} table: datasets of your own too large to travel in a link, kept as CSV text. Only
 * text the CSV reader accepted is stored.
 */
final class DatasetRepository {
    private final Database database;

    DatasetRepository(Database database) {
        this.database = database;
    }

    String save(String csv) {
        String id = UUID.randomUUID().toString();
        return database.transaction("save the dataset", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO datasets (id, created_at, csv, size_bytes) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, System.currentTimeMillis());
                insert.setString(3, csv);
                insert.setLong(4, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                insert.executeUpdate();
                return id;
            }
        });
    }

    /** The CSV text, or null if there is no dataset with this id. */
    String csv(String id) {
        return database.textById("read the dataset", "SELECT csv FROM datasets WHERE id = ?", id);
    }
}
