package org.nnplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nnplayground.catalog.Catalog;
import org.nnplayground.json.JsonWriter;

/**
 * The page modules' unit tests (src/test/js, run by Node) read the catalog from a file, as the pages get it
 * from the engine; this keeps that file the core's catalog. Run with -Dcatalog.update to rewrite it.
 */
class CatalogFixtureTest {
    private static final Path FIXTURE = Path.of("src/test/js/catalog.json");

    @Test
    void theNodeTestsReadTheCoresCatalog() throws Exception {
        String catalog = JsonWriter.write(Catalog.toJson()) + "\n";
        if (System.getProperty("catalog.update") != null) {
            Files.writeString(FIXTURE, catalog);
        }
        assertEquals(catalog, Files.readString(FIXTURE),
                FIXTURE + " is not the core's catalog: rewrite it with mvn -pl frontend test -Dcatalog.update");
    }
}
