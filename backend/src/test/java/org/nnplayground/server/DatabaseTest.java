package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's schema: built by its migrations once each, upgraded from an older store, never misread. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class DatabaseTest {
    /** The store's database: each test runs on SQLite and on PostgreSQL. */
    @Parameter
    String store;

    private String freshUrl() throws Exception {
        return TestStores.freshUrl(store, Files.createTempDirectory("nn-store"));
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private int versions(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aNewStoreGetsEveryMigrationOnceAndReopeningAddsNone() throws Exception {
        String url = freshUrl();
        new Database(url);
        new Database(url);
        assertEquals(Database.MIGRATIONS.size(), versions(url));
        Database database = new Database(url);
        String id = new ModelRepository(database).save("m", "{}", OwnerKeys.hash("k")).id();
        assertEquals("{}", new ModelRepository(database).checkpoint(id));
    }

    @Test
    void aVersionOneStoreGainsTheLaterTablesAndColumnsAndKeepsItsModels() throws Exception {
        String url = freshUrl();
        execute(url, "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                "CREATE TABLE models (id VARCHAR(36) PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                        + "created_at BIGINT NOT NULL, checkpoint TEXT NOT NULL)",
                "INSERT INTO models VALUES ('old', 'kept', 1, '{}')",
                "INSERT INTO schema_version (version) VALUES (1)");
        Database database = new Database(url);
        assertTrue(new DatasetRepository(database).save("x,y\n1,2\n3,4\n").length() > 0);
        ModelRepository models = new ModelRepository(database);
        assertEquals("kept", models.list().get(0).name());
        assertEquals(new ModelRepository.Ownership(true, null), models.ownership("old"), "a model from before owners has none");
        assertEquals(2 + "x,y\n1,2\n3,4\n".length(), database.storedBytes(), "sizes counted, the old model's too");
        assertEquals(Database.MIGRATIONS.size(), versions(url));
    }

    @Test
    void aStoreFromANewerServerIsRefusedUntouched() throws Exception {
        String url = freshUrl();
        execute(url, "CREATE TABLE schema_version (version INTEGER NOT NULL)", "INSERT INTO schema_version (version) VALUES (99)");
        String message = assertThrows(IllegalStateException.class, () -> new Database(url)).getMessage();
        assertEquals("the store has schema version 99, newer than this server's " + Database.schemaVersion()
                + "; run the newer server, or restore a backup made for this one", message);
        assertEquals(1, versions(url));
    }

    /** Instances started together on one database (behind a proxy) each open it; the schema is built once. */
    @Test
    void serversStartingTogetherBuildTheSchemaOnce() throws Exception {
        String url = freshUrl();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<Database>> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opened.add(pool.submit(() -> new Database(url)));
        }
        for (java.util.concurrent.Future<Database> database : opened) {
            database.get();
        }
        pool.shutdown();
        assertEquals(Database.MIGRATIONS.size(), versions(url));
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() throws Exception {
        Database database = new Database(freshUrl());
        ModelRepository models = new ModelRepository(database);
        assertThrows(IllegalStateException.class, () -> database.transaction("save twice", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO models VALUES ('a', 'first', 1, '{}')");
                statement.execute("INSERT INTO models VALUES ('a', 'same id', 2, '{}')");
            }
            return null;
        }));
        assertEquals(0, models.list().size());
    }
}
