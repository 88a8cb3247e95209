package org.nnplayground.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RunConfig;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.Scenarios;
import org.nnplayground.run.TrainingRun;

/**
 * {@code train}: trains a scenario or a configuration file on the JVM core from the command line,
 * shows a progress bar on a terminal, prints the final metrics (or one JSON object with {@code --json}),
 * and can write the trained model's checkpoint. Bad arguments print the usage and exit with 2.
 */
final class TrainCommand {
    static final String USAGE = "usage: java -jar nn-playground.jar train [--scenario NAME | --config FILE.json]\n"
            + "       [--steps N | --epochs N] [--seed S] [--optimizer NAME] [--lr X] [--batch N]\n"
            + "       [--init WEIGHTS.pt|.safetensors|.json] [--out MODEL.json|.pt|.safetensors]\n"
            + "       [--data-out DATA.pt] [--json]\n"
            + "--out: a checkpoint (.json) or, for PyTorch, the state dict (.pt, .safetensors);\n"
            + "--init: start from these weights (a state dict from PyTorch or the playground);\n"
            + "--data-out: the data and batch order as a .pt, so a PyTorch script can replay the run\n"
            + "scenarios: " + Scenarios.all().keySet();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    TrainCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Runs the command; returns the process exit code (0 done, 1 training failed, 2 bad arguments). */
    int run(String[] args) {
        Options options;
        RunConfig config;
        try {
            options = Options.parse(args);
            config = options.config();
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        TrainingRun run;
        try {
            run = new TrainingRun(config);
            if (options.initFile != null) {
                PytorchExchange.startFrom(run, Files.readAllBytes(options.initFile));
            }
            if (options.dataOut != null) {
                Files.write(options.dataOut, PytorchExchange.data(run, baseName(options.dataOut)));
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + (e instanceof IOException ? "cannot use " + e.getMessage() : e.getMessage()));
            return 2;
        }
        ProgressBar bar = new ProgressBar(err, terminal && !options.json, config.steps());
        while (run.step()) {
            bar.update(run.stepCount());
        }
        bar.finish(run.stepCount());
        Map<String, Object> result = TrainingService.result(run, false);
        if (options.outFile != null && run.error() == null) {
            try {
                writeModel(run, options.outFile);
            } catch (IOException e) {
                err.println("error: cannot write " + options.outFile + ": " + e.getMessage());
                return 1;
            }
        }
        if (options.json) {
            out.println(JsonWriter.write(result));
        } else {
            printHuman(result, options);
        }
        if (run.error() != null) {
            if (!options.json) {
                err.println("training stopped: " + run.error());
            }
            return 1;
        }
        return 0;
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

    @SuppressWarnings("unchecked")
    private void printHuman(Map<String, Object> result, Options options) {
        out.println("trained " + result.get("steps") + " steps");
        for (Object o : (List<Object>) result.get("optimizers")) {
            Map<String, Object> entry = (Map<String, Object>) o;
            Object loss = entry.get("finalLoss");
            String accuracy = entry.containsKey("accuracy")
                    ? String.format("  accuracy %.1f%%", 100 * (Double) entry.get("accuracy")) : "";
            out.printf("%-10s final loss %s%s%n", entry.get("label"),
                    loss == null ? "NaN" : String.format("%.6f", (Double) loss), accuracy);
        }
        if (options.outFile != null && result.get("error") == null) {
            out.println((pytorchFormat(options.outFile) != null ? "state dict" : "checkpoint") + " written to " + options.outFile);
        }
    }

    /** The parsed flags. */
    private static final class Options {
        String scenario = "regression";
        Path configFile;
        Integer steps;
        Integer epochs;
        Double seed;
        String optimizer;
        Double lr;
        Integer batch;
        Path outFile;
        Path initFile;
        Path dataOut;
        boolean json;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--json")) {
                    o.json = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--scenario" -> o.scenario = value;
                    case "--config" -> o.configFile = Paths.get(value);
                    case "--steps" -> o.steps = positive(flag, value);
                    case "--epochs" -> o.epochs = positive(flag, value);
                    case "--seed" -> o.seed = (double) number(flag, value).longValue();
                    case "--optimizer" -> o.optimizer = value;
                    case "--lr" -> o.lr = number(flag, value);
                    case "--batch" -> o.batch = positive(flag, value);
                    case "--out" -> o.outFile = Paths.get(value);
                    case "--init" -> o.initFile = Paths.get(value);
                    case "--data-out" -> o.dataOut = Paths.get(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (o.steps != null && o.epochs != null) {
                throw new IllegalArgumentException("give --steps or --epochs, not both");
            }
            return o;
        }

        private static Double number(String flag, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, got " + value);
            }
        }

        private static int positive(String flag, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n <= 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a positive whole number, got " + value);
            }
        }

        /** The scenario or file, with the flags applied on top. */
        @SuppressWarnings("unchecked")
        RunConfig config() throws IOException {
            String text = configFile != null ? Files.readString(configFile, StandardCharsets.UTF_8) : Scenarios.json(scenario);
            Object parsed = Json.parse(text);
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException("the configuration must be a JSON object");
            }
            Map<String, Object> map = (Map<String, Object>) parsed;
            if (steps != null) {
                map.remove("epochs");
                map.put("steps", (double) steps);
            }
            if (epochs != null) {
                map.remove("steps");
                map.put("epochs", (double) epochs);
            }
            if (seed != null) {
                map.put("initSeed", seed);
                map.put("shuffleSeed", seed);
                ((Map<String, Object>) map.get("dataset")).put("seed", seed);
            }
            if (batch != null) {
                map.put("batchSize", (double) batch);
            }
            List<Object> optimizers = (List<Object>) map.get("optimizers");
            if (optimizer != null) {
                Map<String, Object> only = new LinkedHashMap<>();
                only.put("name", canonicalOptimizer(optimizer));
                only.put("lr", lr != null ? lr : 0.01);
                optimizers = new ArrayList<>(List.of(only));
                map.put("optimizers", optimizers);
            } else if (lr != null && optimizers != null) {
                for (Object o : optimizers) {
                    ((Map<String, Object>) o).put("lr", lr);
                }
            }
            return RunConfigJson.read(map);
        }

        private static String canonicalOptimizer(String name) {
            for (String known : org.nnplayground.catalog.Optimizers.names()) {
                if (known.equalsIgnoreCase(name)) {
                    return known;
                }
            }
            throw new IllegalArgumentException("unknown optimizer " + name + "; choose one of "
                    + org.nnplayground.catalog.Optimizers.names());
        }
    }
}
