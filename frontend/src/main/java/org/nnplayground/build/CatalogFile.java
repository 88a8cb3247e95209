package org.nnplayground.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnplayground.catalog.Catalog;
import org.nnplayground.json.JsonWriter;

/**
 * Build step: writes the core's catalog (what a run can name, with PyTorch's options and defaults, and the
 * chapters' presets) into the site as a static file. A page reads it while the engine is still loading, so
 * its menus appear at once, and the engine carries no code to describe itself. The JVM computes it from the
 * same classes the engine runs, and the server answers {@code GET /api/catalog} with the same JSON.
 */
public final class CatalogFile {
    private CatalogFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogFile <catalog.json to write>");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, JsonWriter.write(Catalog.toJson()) + "\n", StandardCharsets.UTF_8);
    }
}
