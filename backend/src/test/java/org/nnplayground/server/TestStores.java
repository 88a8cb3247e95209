package org.nnplayground.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty stores for the store's tests, which run against both databases the server supports: SQLite (a
 * file in the test's data folder) and PostgreSQL (a new schema in the database NN_TEST_POSTGRES_URL names;
 * {@code .ci/postgres} starts Debian's PostgreSQL and prints that URL). Without the URL the PostgreSQL runs
 * are skipped, and fail instead where NN_REQUIRE_POSTGRES is set (CI).
 */
final class TestStores {
    private TestStores() {
    }

    static String freshUrl(String kind, Path data) {
        return switch (kind) {
            case "sqlite" -> "jdbc:sqlite:" + data.resolve("models.db").toAbsolutePath();
            case "postgresql" -> freshPostgresSchema();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String freshPostgresSchema() {
        String base = System.getenv("NN_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            String why = "the PostgreSQL store tests need NN_TEST_POSTGRES_URL (run .ci/postgres to start one)";
            if (System.getenv("NN_REQUIRE_POSTGRES") != null) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        String schema = "nn_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL at " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
