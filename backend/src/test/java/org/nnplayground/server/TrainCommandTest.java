package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.json.Json;

/** The train command's output and exit codes. */
class TrainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(boolean terminal, String... args) {
        return new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonModePrintsOneObjectAndNothingElse() {
        assertEquals(0, run(true, "--scenario", "classification", "--steps", "60", "--json"));
        Map<String, Object> result = (Map<String, Object>) Json.parse(stdout().trim());
        assertEquals(60.0, result.get("steps"));
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) result.get("optimizers")).get(0);
        assertEquals(60, ((List<Object>) first.get("history")).size());
        assertTrue((Double) first.get("accuracy") > 0.9);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no progress bar in JSON mode");
    }

    @Test
    void aTerminalGetsAProgressBarAndFinalMetrics() {
        assertEquals(0, run(true, "--scenario", "regression", "--steps", "50", "--optimizer", "adam", "--lr", "0.05"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("100% (50/50)"));
        assertTrue(stdout().contains("Adam") && stdout().contains("final loss"), stdout());
    }

    @Test
    void outWritesALoadableCheckpoint() throws Exception {
        Path file = Files.createTempFile("model", ".json");
        assertEquals(0, run(false, "--steps", "20", "--seed", "3", "--out", file.toString()));
        assertTrue(CheckpointFile.read(Files.readString(file)).model().parameterCount() > 0);
    }

    @Test
    void badArgumentsPrintUsageAndExitWith2() {
        assertEquals(2, run(false, "--steps", "0"));
        assertEquals(2, run(false, "--colour", "red"));
        assertEquals(2, run(false, "--scenario", "mnist"));
        assertEquals(2, run(false, "--optimizer", "lion"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }

    @Test
    void aDivergingRunExitsWith1AndSaysWhy() {
        assertEquals(1, run(false, "--lr", "1000"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("loss became"), err.toString(StandardCharsets.UTF_8));
    }
}
