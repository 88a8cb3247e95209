package org.nnplayground.server;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code models} table: saved checkpoints with a name and their owner's key hash, newest first. Names and
 * ids are stored as data.
 */
final class ModelRepository {
    /** A stored model's listing entry, as the API answers it. */
    record ModelSummary(String id, String name, long createdAt) {
    }

    /** A model as found by id: whether it exists and whose it is (null: saved before owners existed). */
    record Ownership(boolean exists, String ownerHash) {
    }

    private final Database database;

    ModelRepository(Database database) {
        this.database = database;
    }

    ModelSummary save(String name, String checkpointJson, String ownerHash) {
        ModelSummary summary = new ModelSummary(UUID.randomUUID().toString(), name, System.currentTimeMillis());
        return database.transaction("save the model", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO models (id, name, created_at, checkpoint, owner_hash, size_bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, summary.id());
                insert.setString(2, summary.name());
                insert.setLong(3, summary.createdAt());
                insert.setString(4, checkpointJson);
                insert.setString(5, ownerHash);
                insert.setLong(6, checkpointJson.getBytes(StandardCharsets.UTF_8).length);
                insert.executeUpdate();
                return summary;
            }
        });
    }

    /** The models of one owner, or every model when {@code ownerHash} is null; newest first. */
    List<ModelSummary> list(String ownerHash) {
        String sql = "SELECT id, name, created_at FROM models" + (ownerHash == null ? "" : " WHERE owner_hash = ?")
                + " ORDER BY created_at DESC, id";
        return database.transaction("list models", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (ownerHash != null) {
                    query.setString(1, ownerHash);
                }
                try (ResultSet rs = query.executeQuery()) {
                    List<ModelSummary> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(new ModelSummary(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                    return all;
                }
            }
        });
    }

    /** Every model, newest first. */
    List<ModelSummary> list() {
        return list(null);
    }

    /** The checkpoint JSON of a model, or null if there is none with this id. */
    String checkpoint(String id) {
        return database.textById("read the model", "SELECT checkpoint FROM models WHERE id = ?", id);
    }

    Ownership ownership(String id) {
        return database.transaction("read the model's owner", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT owner_hash FROM models WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? new Ownership(true, rs.getString(1)) : new Ownership(false, null);
                }
            }
        });
    }

    /** Replaces a model's checkpoint (new weights for the same architecture); false if there is no such model. */
    boolean replace(String id, String checkpointJson) {
        return database.transaction("update the model", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE models SET checkpoint = ?, size_bytes = ? WHERE id = ?")) {
                update.setString(1, checkpointJson);
                update.setLong(2, checkpointJson.getBytes(StandardCharsets.UTF_8).length);
                update.setString(3, id);
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
