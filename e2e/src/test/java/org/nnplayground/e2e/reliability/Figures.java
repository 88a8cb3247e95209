package org.nnplayground.e2e.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The reliability suite's measured figures, one line each, in target/reliability/figures.md (RELIABILITY.md quotes a run). */
final class Figures {
    private static final Path FILE = Path.of("target", "reliability", "figures.md");

    private Figures() {
    }

    static synchronized void record(String line) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, "- " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("[reliability] " + line);
    }
}
