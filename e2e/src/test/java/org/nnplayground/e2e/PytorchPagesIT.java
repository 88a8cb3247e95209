package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnplayground.e2e.PageSteps.waitForMessage;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.json.JsonWriter;

/**
 * The pages and real PyTorch: weights downloaded as .pt and .safetensors load back and in PyTorch; a file
 * PyTorch wrote loads into the page and trains; bad and hostile files are refused; and the page's PyTorch
 * script, given the page's two replay files, ends where the page ended.
 */
class PytorchPagesIT {
    private static BrowserSession session;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        TorchOracle.require();
        session = new BrowserSession();
        dir = Files.createTempDirectory("nn-pytorch-pages");
    }

    @AfterAll
    static void stop() throws Exception {
        assertEquals(List.of(), session.consoleErrors, "no console errors");
        session.close();
    }

    private static Page trainToEnd(String path) {
        return PageSteps.trainToEnd(session, path);
    }

    private static Path download(Page page, String selector, String name) {
        Download download = page.waitForDownload(() -> page.locator(selector).click());
        assertEquals(name, download.suggestedFilename());
        Path file = dir.resolve(name);
        download.saveAs(file);
        return file;
    }

    private static double[] doubles(Object list) {
        List<?> values = (List<?>) list;
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }

    /** The page's run configuration and its inputs as rows, for the oracle. */
    private static void writeConfigAndInputs(Page page, String config, String inputs) throws Exception {
        Files.writeString(dir.resolve(config), (String) page.evaluate("() => JSON.stringify(window.nnTrainer.info().config)"));
        double[] x = doubles(page.evaluate("() => window.nnTrainer.info().inputs"));
        List<Object> rows = new ArrayList<>();
        for (double v : x) {
            rows.add(new double[] {v});
        }
        Files.writeString(dir.resolve(inputs), JsonWriter.write(rows));
    }

    /** In both builds of the engine: the file code is the core's, compiled to WebAssembly and to JavaScript. */
    @Test
    void weightsDownloadedForPytorchLoadBackAndPredictTheSameInPytorch() throws Exception {
        for (String engine : List.of("wasm", "js")) {
            weightsRoundTrip(engine);
        }
    }

    private void weightsRoundTrip(String engine) throws Exception {
        Page page = trainToEnd("/saveload.html#v=1&engine=" + engine);
        assertEquals(engine.equals("js") ? "JavaScript" : "WebAssembly", page.locator("[data-role=engine-used]").textContent());
        writeConfigAndInputs(page, "saveload.json", "saveload-inputs.json");
        for (String format : List.of("pt", "safetensors")) {
            Path file = download(page, "[data-export=weights][data-format=" + format + "]", "nn-playground-weights." + format);
            Map<String, Object> result = PageSteps.restore(page, file);
            assertEquals("PyTorch state dict (." + format + ")", result.get("kind"), String.valueOf(result));
            double difference = ((Number) result.get("maxDifference")).doubleValue();
            assertTrue(difference < 1e-6, "float32 weights predict within rounding: " + difference);
            double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "predict", file.toString(), "saveload.json",
                    "saveload-inputs.json"));
            double torchDifference = TorchOracle.maxDifference(doubles(result.get("predictions")), torch);
            System.out.printf("%s page's .%s: reloaded %.1e from the network, PyTorch %.1e from the reloaded page%n", engine,
                    format, difference, torchDifference);
            assertTrue(torchDifference < 1e-6, format + " in PyTorch: " + torchDifference);
        }
        page.close();
    }

    @Test
    void aFilePytorchWroteLoadsIntoThePageAndTrains() throws Exception {
        Page page = session.open("/saveload.html");
        waitForMessage(page, "^Ready");
        writeConfigAndInputs(page, "made.json", "made-inputs.json");
        double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "make", "made.json", "3", "pytorch-made", "made-inputs.json"));
        Map<String, Object> result = PageSteps.restore(page, dir.resolve("pytorch-made.pt"));
        assertEquals("PyTorch state dict (.pt)", result.get("kind"), String.valueOf(result));
        assertTrue(TorchOracle.maxDifference(doubles(result.get("predictions")), torch) < 1e-6, "predicts as in PyTorch");
        double before = ((Number) page.evaluate("async () => (await window.nnTrainer.engine().evaluate()).metrics[0][0]"))
                .doubleValue();
        page.locator("[data-role=start-from]").click();
        waitForMessage(page, "^Starting from");
        double[] start = doubles(page.evaluate("async () => (await window.nnTrainer.engine().predict("
                + "window.nnTrainer.info().inputs.map((x) => [x]))).values"));
        assertTrue(TorchOracle.maxDifference(start, torch) < 1e-6, "the run starts from PyTorch's weights");
        PageSteps.train(page);
        double loss = Double.parseDouble(page.locator("[data-role=loss]").textContent());
        assertTrue(loss < before / 2, "trained from PyTorch's weights: " + before + " -> " + loss);

        // Damaged and hostile files: a message, and the network stays as it is.
        byte[] good = Files.readAllBytes(dir.resolve("pytorch-made.pt"));
        Path truncated = Files.write(dir.resolve("truncated.pt"), java.util.Arrays.copyOf(good, good.length / 2));
        Map<String, Object> bad = PageSteps.restore(page, truncated);
        assertTrue(String.valueOf(bad.get("error")).contains("truncated?"), String.valueOf(bad));
        assertTrue(page.locator("[data-role=restore-result]").textContent().contains("unchanged"));
        Path hostileDir = Files.createDirectories(dir.resolve("hostile"));
        TorchOracle.run(dir, "hostile", hostileDir.toString(), dir.resolve("pwned").toString());
        Map<String, Object> hostile = PageSteps.restore(page, hostileDir.resolve("os-system.pt"));
        assertTrue(String.valueOf(hostile.get("error")).startsWith("refused: the file asks for posix.system"), String.valueOf(hostile));
        assertTrue(!Files.exists(dir.resolve("pwned")));
        page.close();
    }

    /** The page's script, run next to the page's two replay files, ends where the page ended. */
    @Test
    void theScriptOfEveryTrainingPageReplaysThePageInPytorch() throws Exception {
        Pattern loss = Pattern.compile("loss on the training data ([0-9.e+-]+)");
        for (String path : List.of("/regression.html", "/race.html",
                "/playground.html#v=1&dataset=moons&layers=8-8&activation=Tanh-ReLU&steps=400",
                "/playground.html#v=1&dataset=circle&loss=BCEWithLogitsLoss&optimizer=RMSprop&steps=300",
                "/playground.html#v=1&dataset=moons&test=0.3&standardize=1&steps=300",
                "/playground.html#v=1&dataset=xor&reg=L1&regRate=0.003&steps=300",
                "/playground.html#v=1&dataset=circle&layers=&inputFeatures=x1%5E2,x2%5E2,sin(x1)&steps=200",
                "/playground.html#v=1&dataset=circle&optimizer=SGD&lr=0.1&reg=L2&regRate=0.01&steps=300",
                "/classification.html")) {
            Page page = trainToEnd(path);
            Path run = Files.createDirectories(dir.resolve("replay" + Math.abs(path.hashCode())));
            page.locator("details.code summary").click(); // the replay files sit with the script
            for (String what : List.of("initial", "data")) {
                Download download = page.waitForDownload(() -> page.locator("[data-export=" + what + "]").first().click());
                download.saveAs(run.resolve(download.suggestedFilename()));
            }
            Files.writeString(run.resolve("script.py"), page.locator("[data-role=code]").textContent());
            double[] pageLosses = doubles(page.evaluate("async () => (await window.nnTrainer.engine().evaluate())"
                    + ".metrics.map((m) => m[0])"));
            page.close();
            String printed = TorchOracle.run(run, run.resolve("script.py").toString());
            Matcher m = loss.matcher(printed);
            List<Double> torch = new ArrayList<>();
            while (m.find()) {
                torch.add(Double.parseDouble(m.group(1)));
            }
            assertEquals(pageLosses.length, torch.size(), printed);
            for (int k = 0; k < pageLosses.length; k++) {
                double relative = Math.abs(torch.get(k) - pageLosses[k]) / pageLosses[k];
                System.out.printf("%s: page %.7g, PyTorch script %.7g (relative %.1e)%n", path, pageLosses[k], torch.get(k),
                        relative);
                assertTrue(relative < 1e-3, path + " optimizer " + k + ": page " + pageLosses[k] + ", PyTorch " + torch.get(k));
            }
        }
    }
}
