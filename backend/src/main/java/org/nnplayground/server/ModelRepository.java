package org.nnplayground.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code models} table: saved checkpoints with a name, newest first. Names and ids are stored as data. */
final class ModelRepository {
    /** A stored model's listing entry, as the API answers it. */
    record ModelSummary(String id, String name, long createdAt) {
    }

    private final Database database;

    ModelRepository(Database database) {
        this.database = database;
    }

    ModelSummary save(String name, String checkpointJson) {
        ModelSummary summary = new ModelSummary(UUID.randomUUID().toString(), name, System.currentTimeMillis());
        return database.transaction("save the model", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO models (id, name, created_at, checkpoint) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, summary.id());
                insert.setString(2, summary.name());
                insert.setLong(3, summary.createdAt());
                insert.setString(4, checkpointJson);
                insert.executeUpdate();
                return summary;
            }
        });
    }

    /** Newest first. */
    List<ModelSummary> list() {
        return database.transaction("list models", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name, created_at FROM models ORDER BY created_at DESC, id");
                    ResultSet rs = query.executeQuery()) {
                List<ModelSummary> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(new ModelSummary(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
                return all;
            }
        });
    }

    /** The checkpoint JSON of a model, or null if there is none with this id. */
    String checkpoint(String id) {
        return database.textById("read the model", "SELECT checkpoint FROM models WHERE id = ?", id);
    }

    /** Replaces a model's checkpoint (new weights for the same architecture); false if there is no such model. */
    boolean replace(String id, String checkpointJson) {
        return database.transaction("update the model", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE models SET checkpoint = ? WHERE id = ?")) {
                update.setString(1, checkpointJson);
                update.setString(2, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    boolean delete(String id) {
        return database.transaction("delete the model", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM models WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }
}
