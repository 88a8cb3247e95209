package org.nnplayground.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnplayground.catalog.Chapters;
import org.nnplayground.catalog.DatasetTypes;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RunConfig;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.Scenarios;
import org.nnplayground.run.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a scenario or a configuration file on the JVM core from the command line, shows a
 * progress bar on a terminal, prints the final metrics (or one JSON object with {@code --json}), and can write
 * the trained model. Exit codes: 0 done, 1 the run diverged (or its file could not be written), 2 bad arguments
 * or a bad configuration, each with a one-line message and no stack trace.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains a chapter's scenario or a configuration file and prints the final metrics.",
        footer = {"%n--out writes a checkpoint (.json) or, for PyTorch, the state dict (.pt, .safetensors)."})
final class TrainCommand implements Callable<Integer> {
    /** The scenarios --help lists: the catalog's chapters. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Chapters.names().iterator();
        }
    }

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "regression", completionCandidates = ScenarioNames.class,
            description = "a chapter's run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--config", paramLabel = "FILE.json", description = "a run configuration instead of a scenario")
    Path configFile;

    @Option(names = "--steps", paramLabel = "N", description = "updates per optimizer")
    Integer steps;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training data instead of --steps")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S",
            description = "seed for the initial weights, the batch order and a built-in dataset's points")
    Long seed;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "train with this optimizer alone: SGD, Adagrad, "
            + "RMSprop, Adam, AdamW, NAdam, RAdam, Adamax, Adadelta or Rprop (PyTorch's defaults for what is not given)")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate of every optimizer")
    Double lr;

    @Option(names = "--batch", paramLabel = "N", description = "mini-batch size (0: the whole data)")
    Integer batch;

    @Option(names = "--init", paramLabel = "WEIGHTS", description = "start from a state dict (.pt, .safetensors or .json)")
    Path initFile;

    @Option(names = "--out", paramLabel = "MODEL", description = "write the trained model (.json, .pt or .safetensors)")
    Path outFile;

    @Option(names = "--data-out", paramLabel = "DATA.pt", description = "write the data and batch order for a PyTorch replay")
    Path dataOut;

    @Option(names = "--json", description = "print one JSON object (history, final loss, accuracy) and nothing else")
    boolean json;

    @Spec
    CommandSpec spec;

    private final boolean terminal;

    TrainCommand(boolean terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        TrainingRun run;
        try {
            run = new TrainingRun(config());
            if (initFile != null) {
                PytorchExchange.startFrom(run, Files.readAllBytes(initFile));
            }
            if (dataOut != null) {
                Files.write(dataOut, PytorchExchange.data(run, baseName(dataOut)));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("(java -jar nn-playground.jar train --help shows the options)");
            return 2;
        } catch (IOException e) {
            err.println("error: " + FileErrors.describe(e));
            return 2;
        }
        return train(run);
    }

    private int train(TrainingRun run) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, terminal && !json, run.config().steps());
        while (run.step()) {
            bar.update(run.stepCount());
        }
        bar.finish(run.stepCount());
        TrainResult result = TrainResult.of(run, false);
        if (outFile != null && run.error() == null) {
            try {
                writeModel(run, outFile);
            } catch (IOException e) {
                err.println("error: " + FileErrors.describe(e));
                return 1;
            }
        }
        if (json) {
            out.println(json(result));
        } else {
            printHuman(out, result);
        }
        if (run.error() != null) {
            if (!json) {
                err.println("training stopped: " + run.error());
            }
            return 1;
        }
        return 0;
    }

    /** The scenario or file, with the options applied on top; any problem is an IllegalArgumentException naming it. */
    RunConfig config() throws IOException {
        if (steps != null && epochs != null) {
            throw new IllegalArgumentException("give --steps or --epochs, not both");
        }
        String text = configFile != null ? Files.readString(configFile, StandardCharsets.UTF_8) : Scenarios.json(scenario);
        String source = configFile != null ? configFile.toString() : "the scenario";
        Map<String, Object> map = JsonFields.object(Json.parse(text), source);
        if (steps != null) {
            map.remove("epochs");
            map.put("steps", (double) steps);
        }
        if (epochs != null) {
            map.remove("steps");
            map.put("epochs", (double) epochs);
        }
        if (seed != null) {
            map.put("initSeed", (double) seed);
            map.put("shuffleSeed", (double) seed);
            Map<String, Object> dataset = JsonFields.object(map.get("dataset"), "dataset");
            if (!DatasetTypes.CUSTOM.equals(dataset.get("name"))) {
                dataset.put("seed", (double) seed); // your own points have no seed: they are what they are
            }
        }
        if (batch != null) {
            map.put("batchSize", (double) batch);
        }
        if (optimizer != null) {
            Map<String, Object> only = new LinkedHashMap<>();
            only.put("name", canonicalOptimizer(optimizer));
            map.put("optimizers", new ArrayList<>(List.of(only)));
        }
        if (lr != null) {
            for (Object entry : JsonFields.list(map.get("optimizers"), "optimizers")) {
                JsonFields.object(entry, "optimizers[]").put("lr", lr);
            }
        }
        return RunConfigJson.read(map);
    }

    private static String canonicalOptimizer(String name) {
        for (String known : Optimizers.names()) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        throw new IllegalArgumentException("--optimizer must be one of " + Optimizers.names() + ", got " + name);
    }

    /** A .pt or .safetensors name gets PyTorch's state dict; anything else the playground's checkpoint. */
    private static void writeModel(TrainingRun run, Path file) throws IOException {
        WeightFiles.Format format = pytorchFormat(file);
        if (format != null) {
            Files.write(file, PytorchExchange.weights(run, 0, format, baseName(file)));
        } else {
            Files.writeString(file, run.exportCheckpoint(0), StandardCharsets.UTF_8);
        }
    }

    /** PT for .pt/.pth, SAFETENSORS for .safetensors, null for anything else (a checkpoint). */
    private static WeightFiles.Format pytorchFormat(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".pt") || name.endsWith(".pth")) {
            return WeightFiles.Format.PT;
        }
        return name.endsWith(".safetensors") ? WeightFiles.Format.SAFETENSORS : null;
    }

    /** The folder name inside a .pt: like torch.save, the file's name without its extension. */
    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base.isEmpty() || !base.matches("[A-Za-z0-9_.-]+") ? "archive" : base;
    }

    /** The result as one line of JSON, as the server answers it. */
    private static String json(TrainResult result) {
        try {
            return new ObjectMapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the result as JSON", e);
        }
    }

    private void printHuman(PrintWriter out, TrainResult result) {
        out.println("trained " + result.steps() + " steps");
        for (TrainResult.OptimizerResult entry : result.optimizers()) {
            String accuracy = entry.accuracy() != null ? String.format("  accuracy %.1f%%", 100 * entry.accuracy()) : "";
            out.printf("%-10s final loss %s%s%n", entry.label(),
                    entry.finalLoss() == null ? "NaN" : String.format("%.6f", entry.finalLoss()), accuracy);
        }
        if (outFile != null && result.error() == null) {
            out.println((pytorchFormat(outFile) != null ? "state dict" : "checkpoint") + " written to " + outFile);
        }
    }
}
