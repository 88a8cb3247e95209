package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.StateDict;
import org.nnplayground.run.PytorchExchange;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;

/**
 * The playground and real PyTorch (Debian's python3-torch) exchange weights both ways and agree on the numbers:
 * PyTorch loads our .pt and .safetensors and predicts what we predict; files PyTorch writes load into our
 * networks; from the same weights, data and batches, torch.optim's SGD, momentum, RMSprop and Adam follow our
 * loss histories; hostile files are refused without running anything; the API and the command line do the same.
 */
class PytorchInteropIT {
    private static Path dir;
    private static Javalin server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        TorchOracle.require();
        dir = Files.createTempDirectory("nn-interop");
        server = PlaygroundApp.create(ServerSettings.forTests(dir.resolve("server"))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static TrainingRun trained(String config) {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        while (run.step()) {
            // train to the end
        }
        return run;
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Path writeText(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The first rows of the run's inputs, as the oracle reads them: a JSON list of rows. */
    private static double[] inputs(TrainingRun run, int rows) {
        double[] all = run.data().inputs().toArray();
        return java.util.Arrays.copyOf(all, rows * run.data().inputs().size(1));
    }

    private static String rowsJson(double[] flat, int features) {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < flat.length; i += features) {
            rows.add(java.util.Arrays.copyOfRange(flat, i, i + features));
        }
        return JsonWriter.write(rows);
    }

    @Test
    void pytorchLoadsOurPtAndSafetensorsAndPredictsWhatWePredict() throws Exception {
        String config = InteropRuns.config("classification", InteropRuns.OPTIMIZERS[3]);
        TrainingRun run = trained(config);
        double[] x = inputs(run, 50);
        writeText("inputs.json", rowsJson(x, 2));
        writeText("config.json", config);
        // Our network with exactly the float32 weights the files carry, so only the arithmetic differs.
        run.startFrom(WeightFiles.read(PytorchExchange.weights(run, 0, WeightFiles.Format.PT, "m")));
        double[] ours = run.predict(0, x);
        for (WeightFiles.Format format : new WeightFiles.Format[] {WeightFiles.Format.PT, WeightFiles.Format.SAFETENSORS}) {
            Path file = write("ours." + format.extension, PytorchExchange.weights(run, 0, format, "ours"));
            double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "predict", file.toString(), "config.json", "inputs.json"));
            double difference = TorchOracle.maxDifference(ours, torch);
            System.out.printf("PyTorch on our .%s: largest difference %.2e over %d outputs%n", format.extension, difference,
                    torch.length);
            assertTrue(difference < 1e-6, format + ": " + difference);
        }
    }

    @Test
    void filesPytorchWritesLoadIntoOurNetworks() throws Exception {
        String config = InteropRuns.config("regression", InteropRuns.OPTIMIZERS[0]);
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        double[] x = inputs(run, 40);
        writeText("inputs1.json", rowsJson(x, 1));
        writeText("config1.json", config);
        double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "make", "config1.json", "7", "torch-made", "inputs1.json"));
        for (String file : new String[] {"torch-made.pt", "torch-made.safetensors"}) {
            PytorchExchange.startFrom(run, Files.readAllBytes(dir.resolve(file)));
            double difference = TorchOracle.maxDifference(run.predict(0, x), torch);
            System.out.printf("our network with PyTorch's %s: largest difference %.2e%n", file, difference);
            assertTrue(difference < 1e-6, file + ": " + difference);
        }
        // A file for another architecture is refused by name, like load_state_dict(strict=True).
        TrainingRun wider = new TrainingRun(RunConfigJson.parse(config.replace("\"units\": 10", "\"units\": 12")));
        String message = assertThrows(IllegalArgumentException.class,
                () -> PytorchExchange.startFrom(wider, Files.readAllBytes(dir.resolve("torch-made.pt")))).getMessage();
        assertTrue(message.contains("size mismatch for 0.weight"), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.nnplayground.e2e.InteropRuns#runs")
    void torchOptimFollowsOurLossHistory(String name, String config) throws Exception {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        String slug = name.replace(' ', '-');
        Path init = write(slug + "-init.pt", PytorchExchange.initialWeights(run, WeightFiles.Format.PT, "init"));
        run.startFrom(WeightFiles.read(Files.readAllBytes(init))); // both sides start from the file's float32 values
        Path data = write(slug + "-data.pt", PytorchExchange.data(run, "data"));
        writeText(slug + ".json", config);
        while (run.step()) {
            // the whole short run
        }
        double[] ours = run.lossHistory(0);
        double[] torch64 = TorchOracle.numbers(TorchOracle.run(dir, "replay", slug + ".json", init.toString(), data.toString(), "float64"));
        double[] torch32 = TorchOracle.numbers(TorchOracle.run(dir, "replay", slug + ".json", init.toString(), data.toString(), "float32"));
        double relative64 = relative(ours, torch64);
        double relative32 = relative(ours, torch32);
        System.out.printf("%-24s %d steps, loss %.5f -> %.5f; largest relative difference: float64 %.1e, float32 %.1e%n",
                name, ours.length, ours[0], ours[ours.length - 1], relative64, relative32);
        assertEquals(40, torch64.length);
        assertTrue(relative64 < 1e-9, "float64: " + relative64);
        assertTrue(relative32 < 1e-4, "float32: " + relative32);
    }

    /**
     * After the Dropout + BatchNorm1d run, torch's network in evaluation mode predicts what ours does (the running
     * statistics, moved by every batch, decide it) and holds the same state dict, num_batches_tracked an int64 as
     * torch loads it from our file. (The Linear bias before a BatchNorm1d gets only rounding noise as its gradient,
     * the batch mean taking it out; Adam's eps turns ~1e-17 into steps of ~1e-11, so that bias and the running mean
     * it feeds agree to ~5e-10, everything else to ~1e-15.)
     */
    @Test
    void batchNormRunningStatisticsAndEvalPredictionsMatchTorch() throws Exception {
        TrainingRun run = new TrainingRun(RunConfigJson.parse(InteropRuns.NORMALISED_DROPOUT));
        Path init = write("normalised-init.pt", PytorchExchange.initialWeights(run, WeightFiles.Format.PT, "init"));
        run.startFrom(WeightFiles.read(Files.readAllBytes(init)));
        Path data = write("normalised-data.pt", PytorchExchange.data(run, "data"));
        writeText("normalised.json", InteropRuns.NORMALISED_DROPOUT);
        while (run.step()) {
            // the whole short run
        }
        Map<?, ?> torch = (Map<?, ?>) Json.parse(TorchOracle.run(dir, "replay-state", "normalised.json", init.toString(),
                data.toString()));
        assertEquals("torch.int64", ((Map<?, ?>) torch.get("dtypes")).get("1.num_batches_tracked"));
        double predictions = TorchOracle.maxDifference(run.predict(0, inputs(run, 50)), numbers(torch.get("predictions")));
        StateDict ours = run.network(0).stateDict();
        Map<?, ?> state = (Map<?, ?>) torch.get("state");
        assertEquals(ours.keys(), new ArrayList<>(state.keySet().stream().map(String::valueOf).toList()));
        double worst = 0;
        for (String key : ours.keys()) {
            worst = Math.max(worst, TorchOracle.maxDifference(ours.get(key).toArray(), numbers(state.get(key))));
        }
        assertEquals(40.0, ours.get("1.num_batches_tracked").item());
        System.out.printf("BatchNorm1d + Dropout run: eval predictions differ by %.1e, state dict by %.1e%n", predictions, worst);
        assertTrue(predictions < 1e-9, "predictions: " + predictions);
        assertTrue(worst < 1e-9, "state dict: " + worst);
    }

    private static double[] numbers(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static double relative(double[] ours, double[] torch) {
        assertEquals(torch.length, ours.length);
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - torch[i]) / Math.abs(torch[i]));
        }
        return worst;
    }

    @Test
    void hostilePtFilesAreRefusedAndNothingInThemRuns() throws Exception {
        Path hostile = Files.createDirectories(dir.resolve("hostile"));
        Path marker = dir.resolve("pwned");
        TorchOracle.run(dir, "hostile", hostile.toString(), marker.toString());
        // torch.save pickles with protocol 2, which writes Python 2's names: posix, __builtin__, commands.
        Map<String, String> expected = Map.of(
                "os-system.pt", "refused: the file asks for posix.system",
                "builtins-eval.pt", "refused: the file asks for __builtin__.eval",
                "builtins-exec.pt", "refused: the file asks for __builtin__.exec",
                "subprocess.pt", "refused: the file asks for commands.Popen",
                "whole-module.pt", "refused: the file asks for torch.nn.modules.linear.Linear");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            byte[] file = Files.readAllBytes(hostile.resolve(entry.getKey()));
            String message = assertThrows(IllegalArgumentException.class, () -> WeightFiles.read(file)).getMessage();
            assertTrue(message.startsWith(entry.getValue()), entry.getKey() + ": " + message);
            // The server says the same, as JSON, and keeps the stored model.
            HttpResponse<String> put = putStateDict(savedModel(), file);
            assertEquals(400, put.statusCode(), put.body());
            assertTrue(put.body().contains(entry.getValue()), put.body());
        }
        assertFalse(Files.exists(marker), "a payload ran");
        byte[] good = Files.readAllBytes(hostile.resolve("good.pt"));
        assertEquals(List.of("weight", "bias"), WeightFiles.read(good).keys());
        String truncated = assertThrows(IllegalArgumentException.class,
                () -> WeightFiles.read(java.util.Arrays.copyOf(good, good.length - 30))).getMessage();
        assertTrue(truncated.contains("truncated?"), truncated);
    }

    private static String ownerKey;

    private static String savedModel() throws Exception {
        TrainingRun run = trained(InteropRuns.config("regression", InteropRuns.OPTIMIZERS[3]));
        String body = "{\"name\": \"interop\", \"checkpoint\": " + run.exportCheckpoint(0) + "}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/models")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        Map<?, ?> saved = (Map<?, ?>) Json.parse(response.body());
        ownerKey = (String) saved.get("ownerKey"); // changing the model's weights needs it
        return (String) saved.get("id");
    }

    private static HttpResponse<String> putStateDict(String id, byte[] file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/models/" + id + "/state-dict")))
                .header("Authorization", "Bearer " + ownerKey).PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void theApiHandsOutAndTakesPytorchFiles() throws Exception {
        String id = savedModel();
        String config = InteropRuns.config("regression", InteropRuns.OPTIMIZERS[3]);
        writeText("config2.json", config);
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        double[] x = inputs(run, 30);
        writeText("inputs2.json", rowsJson(x, 1));
        for (String format : new String[] {"pt", "safetensors"}) {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/models/" + id
                    + "/state-dict?format=" + format))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("").endsWith("." + format + "\""));
            Path file = write("api." + format, response.body());
            double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "predict", file.toString(), "config2.json", "inputs2.json"));
            run.startFrom(WeightFiles.read(response.body()));
            assertTrue(TorchOracle.maxDifference(run.predict(0, x), torch) < 1e-6, format);
        }
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/models/" + id
                + "/state-dict?format=onnx"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertEquals("format must be pt, safetensors or json, got onnx", ((Map<?, ?>) Json.parse(unknown.body())).get("message"));

        // Upload weights made by PyTorch: the stored model then predicts what PyTorch predicts.
        double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "make", "config2.json", "11", "upload", "inputs2.json"));
        HttpResponse<String> put = putStateDict(id, Files.readAllBytes(dir.resolve("upload.pt")));
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<byte[]> back = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/models/" + id
                + "/state-dict?format=safetensors"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        run.startFrom(WeightFiles.read(back.body()));
        assertTrue(TorchOracle.maxDifference(run.predict(0, x), torch) < 1e-6);

        // A mismatched file is refused by key name and changes nothing; so is an oversized body.
        TrainingRun other = new TrainingRun(RunConfigJson.parse(config.replace("\"units\": 10", "\"units\": 3")));
        HttpResponse<String> mismatch = putStateDict(id, PytorchExchange.weights(other, 0, WeightFiles.Format.PT, "x"));
        assertEquals(400, mismatch.statusCode());
        assertTrue(mismatch.body().contains("size mismatch for 0.weight"), mismatch.body());
        HttpResponse<String> huge = putStateDict(id, new byte[2_000_000]);
        assertEquals(413, huge.statusCode(), huge.body());
        HttpResponse<byte[]> unchanged = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/models/" + id
                + "/state-dict?format=pt"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        run.startFrom(WeightFiles.read(unchanged.body()));
        assertTrue(TorchOracle.maxDifference(run.predict(0, x), torch) < 1e-6, "the model kept PyTorch's weights");
    }

    /**
     * train --init torch.pt --data-out data.pt --out trained.pt: the command line starts from PyTorch's weights,
     * and PyTorch, replaying the same batches from the same weights, ends at the network the command wrote.
     */
    @Test
    void theCommandLineStartsFromPytorchWeightsAndWritesPt() throws Exception {
        Path jar = Paths.get(System.getProperty("cli.jar", "../backend/target/nn-playground.jar")).toAbsolutePath();
        String config = InteropRuns.config("regression", InteropRuns.OPTIMIZERS[3]);
        writeText("config3.json", config);
        TrainingRun run = new TrainingRun(RunConfigJson.parse(config));
        double[] x = inputs(run, 20);
        writeText("inputs3.json", rowsJson(x, 1));
        TorchOracle.run(dir, "make", "config3.json", "5", "cli-init", "inputs3.json");
        cli(jar, "train", "--config", "config3.json", "--init", "cli-init.pt", "--data-out", "cli-data.pt",
                "--out", "cli-trained.pt", "--json");
        double[] written = TorchOracle.numbers(TorchOracle.run(dir, "predict", "cli-trained.pt", "config3.json", "inputs3.json"));
        // The same run in-process, its losses against PyTorch's replay, its network against the written file.
        run.startFrom(WeightFiles.read(Files.readAllBytes(dir.resolve("cli-init.pt"))));
        while (run.step()) {
            // to the end
        }
        double[] replay = TorchOracle.numbers(TorchOracle.run(dir, "replay", "config3.json", "cli-init.pt", "cli-data.pt",
                "float64"));
        assertTrue(TorchOracle.maxDifference(run.lossHistory(0), replay) < 1e-9, "PyTorch replays the command's batches");
        assertTrue(TorchOracle.maxDifference(run.predict(0, x), written) < 1e-6, "PyTorch reads the trained .pt");
        String bad = cliFailing(jar, "train", "--config", "config3.json", "--init", "config3.json");
        assertTrue(bad.startsWith("error: state dict file has format (none)"), bad);
    }

    private static String cli(Path jar, String... args) throws Exception {
        Process process = cliProcess(jar, args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out + err);
        return out;
    }

    private static String cliFailing(Path jar, String... args) throws Exception {
        Process process = cliProcess(jar, args);
        process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.waitFor(), err);
        return err;
    }

    private static Process cliProcess(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).start();
    }
}
