package org.nnplayground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.json.Json;
import org.nnplayground.run.RunConfig;
import picocli.CommandLine;

/** The train command's output and exit codes. */
class TrainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code java -jar nn-playground.jar train args...} as the jar's main would, with an empty environment. */
    private int run(boolean terminal, String... args) {
        CommandLine line = ServeCommand.commandLine(Map.of(), terminal);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return line.execute(all);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The configuration the train command would run for these arguments. */
    private static RunConfig configFor(String... args) throws Exception {
        TrainCommand command = new TrainCommand(false);
        new CommandLine(command).parseArgs(args);
        return command.config();
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
        assertTrue(stderr().contains("100% (50/50)"), stderr());
        assertTrue(stdout().contains("Adam") && stdout().contains("final loss"), stdout());
    }

    @Test
    void outWritesALoadableCheckpoint() throws Exception {
        Path file = Files.createTempFile("model", ".json");
        assertEquals(0, run(false, "--steps", "20", "--seed", "3", "--out", file.toString()));
        assertTrue(CheckpointFile.read(Files.readString(file)).model().parameterCount() > 0);
    }

    @Test
    void badArgumentsSayWhatIsWrongAndExitWith2() {
        assertEquals(2, run(false, "--steps", "0"));
        assertEquals(2, run(false, "--colour", "red"));
        assertTrue(stderr().contains("Unknown options: '--colour'"), stderr());
        assertEquals(2, run(false, "--scenario", "mnist"));
        assertEquals(2, run(false, "--optimizer", "lion"));
        assertTrue(stderr().contains("--optimizer must be one of " + Optimizers.names() + ", got lion"), stderr());
        assertEquals(2, run(false, "--steps", "many"));
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void helpWorksOnTheCommandAndTheServer() {
        assertEquals(0, run(false, "--help"));
        assertTrue(stdout().contains("Usage: java -jar nn-playground.jar train") && stdout().contains("--optimizer=NAME"),
                stdout());
        assertTrue(stdout().replaceAll("\\s+", " ").contains("regression, classification, save-load, optimizer-race, playground"),
                "every scenario of the catalog is listed: " + stdout());
        CommandLine server = ServeCommand.commandLine(Map.of(), false);
        server.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        assertEquals(0, server.execute("--help"));
        assertTrue(stdout().contains("--max-points") && stdout().contains("NN_PLAYGROUND_"), stdout());
    }

    @Test
    void aConfigurationFileThatIsWrongIsNamedNotAStackTrace() throws Exception {
        Path noDataset = Files.createTempFile("run", ".json");
        Files.writeString(noDataset, "{\"layers\": [], \"optimizers\": [{\"name\": \"SGD\", \"lr\": 0.1}], \"steps\": 5}");
        assertEquals(2, run(false, "--config", noDataset.toString(), "--seed", "3"));
        assertTrue(stderr().contains("error: dataset must be a JSON object, got null"), stderr());
        Path stringDataset = Files.createTempFile("run", ".json");
        Files.writeString(stringDataset, "{\"dataset\": \"parabola\", \"layers\": [], \"optimizers\": [], \"steps\": 5}");
        assertEquals(2, run(false, "--config", stringDataset.toString()));
        assertTrue(stderr().contains("error: dataset must be a JSON object, got a string"), stderr());
        assertEquals(2, run(false, "--config", "no-such-run.json"));
        assertTrue(stderr().contains("error: cannot find no-such-run.json"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void aSeedLeavesYourOwnPointsAsTheyAre() throws Exception {
        Path custom = Files.createTempFile("custom", ".json");
        Files.writeString(custom, "{\"dataset\": {\"name\": \"custom\", \"inputs\": [0, 1, 2], \"targets\": [1, 0, 1]},"
                + " \"layers\": [{\"units\": 3}], \"optimizers\": [{\"name\": \"SGD\", \"lr\": 0.1}], \"steps\": 5}");
        assertEquals(0, run(false, "--config", custom.toString(), "--seed", "3"), stderr());
        assertEquals(3, configFor("--config", custom.toString(), "--seed", "3").initSeed());
    }

    @Test
    void anOptimizerWithoutALearningRateGetsPytorchsDefault() throws Exception {
        assertEquals(0.001, configFor("--optimizer", "adam").optimizers().get(0).options().number("lr"));
        assertEquals(0.01, configFor("--optimizer", "rmsprop").optimizers().get(0).options().number("lr"));
        assertEquals(0.05, configFor("--optimizer", "adam", "--lr", "0.05").optimizers().get(0).options().number("lr"));
        // SGD has no default learning rate in PyTorch, so neither here.
        assertEquals(2, run(false, "--optimizer", "sgd"));
        assertTrue(stderr().contains("needs lr"), stderr());
    }

    @Test
    void aDivergingRunExitsWith1AndSaysWhy() {
        assertEquals(1, run(false, "--lr", "1000"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("loss became"), err.toString(StandardCharsets.UTF_8));
    }
}
