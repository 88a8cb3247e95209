package org.nnplayground.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved models in a SQL database: SQLite in the data folder by default (embedded, nothing to set up);
 * any JDBC URL otherwise, e.g. PostgreSQL for a larger installation. The schema carries a version and
 * is created or upgraded at start; every write is one transaction. Names and ids are stored as data.
 */
final class ModelStore {
    /** 1: models; 2: datasets of your own, too large for a link (see {@link DatasetStore}). */
    static final int SCHEMA_VERSION = 2;
    private final String jdbcUrl;

    ModelStore(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        migrate();
    }

    /** A stored model's listing entry. */
    record Summary(String id, String name, long createdAt) {
    }

    private Connection connect() throws SQLException {
        return connect(jdbcUrl);
    }

    /** A connection to the store's database; SQLite waits for a concurrent writer instead of failing. */
    static Connection connect(String jdbcUrl) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            try (Statement statement = connection.createStatement()) {
                // Concurrent writers wait for each other instead of failing at once.
                statement.execute("PRAGMA busy_timeout = 10000");
            }
        }
        return connection;
    }

    private void migrate() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) {
                    version = rs.getInt(1);
                }
            }
            if (version > SCHEMA_VERSION) {
                throw new IllegalStateException("the model store has schema version " + version
                        + ", newer than this server's " + SCHEMA_VERSION);
            }
            if (version < 1) {
                connection.setAutoCommit(false);
                statement.execute("CREATE TABLE models (id VARCHAR(36) PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                        + "created_at BIGINT NOT NULL, checkpoint TEXT NOT NULL)");
                statement.execute("CREATE INDEX models_created ON models (created_at)");
                statement.execute("INSERT INTO schema_version (version) VALUES (1)");
                connection.commit();
            }
            if (version < 2) {
                connection.setAutoCommit(false);
                statement.execute("CREATE TABLE datasets (id VARCHAR(36) PRIMARY KEY, created_at BIGINT NOT NULL, "
                        + "csv TEXT NOT NULL)");
                statement.execute("INSERT INTO schema_version (version) VALUES (2)");
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the model store at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    Summary save(String name, String checkpointJson) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO models (id, name, created_at, checkpoint) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setLong(3, now);
            insert.setString(4, checkpointJson);
            insert.executeUpdate();
            connection.commit();
            return new Summary(id, name, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the model: " + e.getMessage(), e);
        }
    }

    /** Newest first. */
    List<Summary> list() {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, name, created_at FROM models ORDER BY created_at DESC, id")) {
            List<Summary> all = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    all.add(new Summary(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list models: " + e.getMessage(), e);
        }
    }

    /** The checkpoint JSON of a model, or null if there is none with this id. */
    String checkpoint(String id) {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("SELECT checkpoint FROM models WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the model: " + e.getMessage(), e);
        }
    }

    /** Replaces a model's checkpoint (new weights for the same architecture); false if there is no such model. */
    boolean replace(String id, String checkpointJson) {
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement("UPDATE models SET checkpoint = ? WHERE id = ?")) {
            connection.setAutoCommit(false);
            update.setString(1, checkpointJson);
            update.setString(2, id);
            int rows = update.executeUpdate();
            connection.commit();
            return rows > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the model: " + e.getMessage(), e);
        }
    }

    boolean delete(String id) {
        try (Connection connection = connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM models WHERE id = ?")) {
            connection.setAutoCommit(false);
            delete.setString(1, id);
            int rows = delete.executeUpdate();
            connection.commit();
            return rows > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the model: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> json(Summary summary) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", summary.id());
        out.put("name", summary.name());
        out.put("createdAt", summary.createdAt());
        return out;
    }
}
