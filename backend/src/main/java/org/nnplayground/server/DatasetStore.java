package org.nnplayground.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Datasets of your own that are too large to travel in a link, kept as CSV text in the model store's
 * database (its schema creates the table; see {@link ModelStore}). Only text the CSV reader accepted is stored.
 */
final class DatasetStore {
    private final String jdbcUrl;

    DatasetStore(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    String save(String csv) {
        String id = UUID.randomUUID().toString();
        try (Connection connection = ModelStore.connect(jdbcUrl);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO datasets (id, created_at, csv) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            insert.setString(1, id);
            insert.setLong(2, System.currentTimeMillis());
            insert.setString(3, csv);
            insert.executeUpdate();
            connection.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the dataset: " + e.getMessage(), e);
        }
    }

    /** The CSV text, or null if there is no dataset with this id. */
    String csv(String id) {
        try (Connection connection = ModelStore.connect(jdbcUrl);
                PreparedStatement query = connection.prepareStatement("SELECT csv FROM datasets WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dataset: " + e.getMessage(), e);
        }
    }
}
