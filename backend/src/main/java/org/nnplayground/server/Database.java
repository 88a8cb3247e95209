package org.nnplayground.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's SQL database: SQLite in the data folder by default (embedded, nothing to set up), any JDBC URL
 * otherwise, e.g. PostgreSQL for a larger installation. Its schema is built by numbered migrations, each applied
 * once in its own transaction and recorded in {@code schema_version}; a database newer than this server is
 * refused rather than misread. The repositories ({@link ModelRepository}, {@link DatasetRepository}) own the
 * queries of one table each.
 */
final class Database {
    /** One step of the schema: what it is for and its statements. */
    record Migration(int version, String purpose, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "saved models", List.of(
                    "CREATE TABLE models (id VARCHAR(36) PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                            + "created_at BIGINT NOT NULL, checkpoint TEXT NOT NULL)",
                    "CREATE INDEX models_created ON models (created_at)")),
            new Migration(2, "datasets of your own too large for a link", List.of(
                    "CREATE TABLE datasets (id VARCHAR(36) PRIMARY KEY, created_at BIGINT NOT NULL, csv TEXT NOT NULL)")),
            // Models saved before owners existed have none: only the host's admin key may change them.
            new Migration(3, "owners of saved models, and each row's size for the store's quota", List.of(
                    "ALTER TABLE models ADD COLUMN owner_hash VARCHAR(64)",
                    "ALTER TABLE models ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0",
                    "UPDATE models SET size_bytes = OCTET_LENGTH(checkpoint)",
                    "CREATE INDEX models_owner ON models (owner_hash, created_at)",
                    "ALTER TABLE datasets ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0",
                    "UPDATE datasets SET size_bytes = OCTET_LENGTH(csv)")),
            // Servers sharing one database see each other's jobs: their latest event, and a cancel request.
            new Migration(4, "training jobs, seen from every server sharing the store", List.of(
                    "CREATE TABLE jobs (id VARCHAR(36) PRIMARY KEY, event_name VARCHAR(16) NOT NULL, event TEXT NOT NULL, "
                            + "updated_at BIGINT NOT NULL, ended_at BIGINT, cancel_requested INTEGER NOT NULL DEFAULT 0)",
                    "CREATE INDEX jobs_ended ON jobs (ended_at)")));

    /** Work inside one transaction; what it returns is the transaction's result. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String jdbcUrl;
    /** Once the schema is built, a SQLite file that disappears is reported missing, not silently made anew and empty. */
    private volatile boolean created;

    Database(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        try {
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                migrateAlone();
            } else {
                migrate();
            }
        } catch (ApiException e) {
            // At start-up a store condition is the server's to fix, not a client's: say which database and why.
            throw new IllegalStateException("cannot open the model store at " + shownUrl() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
                    + "; if it is damaged, move it away to start an empty store or restore a backup", e);
        }
        created = true;
    }

    /** Servers starting together on one PostgreSQL take turns to migrate (an advisory lock), so none trips on another's tables. */
    private void migrateAlone() {
        try (Connection lock = connect(); Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                migrate();
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the model store at " + shownUrl() + ": " + e.getMessage(), e);
        }
    }

    private static final long MIGRATION_LOCK = 0x6e6e706cL; // "nnpl"

    /** The URL as messages show it: without its parameters, where a password may be. */
    String shownUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** The schema version this server builds and reads. */
    static int schemaVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    private Connection connect() throws SQLException {
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        java.util.Properties properties = new java.util.Properties();
        if (sqlite && created && !jdbcUrl.contains("open_mode=")) {
            properties.setProperty("open_mode", String.valueOf(org.sqlite.SQLiteOpenMode.READWRITE.flag));
        }
        if (sqlite && !created) {
            // Migrations take the write lock as they begin: servers starting together on one file then wait their
            // turn (busy_timeout) instead of failing in a read-to-write lock upgrade.
            properties.setProperty("transaction_mode", "IMMEDIATE");
        }
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        if (sqlite) {
            try (Statement statement = connection.createStatement()) {
                // Concurrent writers wait for each other instead of failing at once.
                statement.execute("PRAGMA busy_timeout = 10000");
            }
        }
        return connection;
    }

    /** Runs {@code work} in one transaction, committed if it returns; {@code what} names it in an error. */
    <T> T transaction(String what, Work<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException notNeeded) {
                    e.addSuppressed(notNeeded); // SQLite rolled back by itself (a full disk does): keep the first error
                }
                throw e;
            }
        } catch (SQLException e) {
            ApiException condition = StoreFailures.classify(e);
            if (condition != null) {
                condition.initCause(e);
                throw condition;
            }
            throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** The one text column a query by id selects, or null if no row has this id. */
    String textById(String what, String sql, String id) {
        return transaction(what, connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Bytes the saved models and datasets take, as counted against the store's quota. */
    long storedBytes() {
        return transaction("measure the store", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT (SELECT COALESCE(SUM(size_bytes), 0) FROM models)"
                            + " + (SELECT COALESCE(SUM(size_bytes), 0) FROM datasets)")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void migrate() {
        transaction("open the store at " + shownUrl(), connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version = 0;
                try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                    }
                }
                if (version > schemaVersion()) {
                    throw new IllegalStateException("the store has schema version " + version + ", newer than this server's "
                            + schemaVersion() + "; run the newer server, or restore a backup made for this one");
                }
            }
            return null;
        });
        for (Migration migration : MIGRATIONS) {
            transaction("migrate the store to schema " + migration.version(), connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    if (rs.next() && rs.getInt(1) >= migration.version()) {
                        return null; // applied before, perhaps by another server sharing the database
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + migration.version() + ")");
                }
                return null;
            });
        }
    }
}
