package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnplayground.e2e.PageSteps.waitForMessage;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.e2e.PageSteps.Restored;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;

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

    /** The page's run settings and its data file, downloaded as a visitor would, for the oracle. */
    private static void downloadSettingsAndData(Page page, String settings, String data) throws Exception {
        page.locator("details.code summary").click(); // the files sit with the script
        download(page, "[data-export=settings]", "nn-playground-run.json");
        Files.move(dir.resolve("nn-playground-run.json"), dir.resolve(settings), StandardCopyOption.REPLACE_EXISTING);
        download(page, "[data-export=data]", "nn-playground-data.pt");
        Files.move(dir.resolve("nn-playground-data.pt"), dir.resolve(data), StandardCopyOption.REPLACE_EXISTING);
        page.locator("details.code summary").click();
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
        downloadSettingsAndData(page, "saveload.json", "saveload-data.pt");
        // The downloaded settings are the whole run: the JVM, given them, ends at the page's loss to the last digit.
        TrainingRun jvm = new TrainingRun(RunConfigJson.parse(Files.readString(dir.resolve("saveload.json"))));
        while (jvm.step()) {
            // to the end of the plan, as the page trained
        }
        assertEquals(jvm.evaluate(0)[0], PageSteps.figures(page, "loss")[0], engine + ": the page's settings on the JVM");
        for (String format : List.of("pt", "safetensors")) {
            Path file = download(page, "[data-export=weights][data-format=" + format + "]", "nn-playground-weights." + format);
            Restored result = PageSteps.restore(page, file);
            assertEquals("PyTorch state dict (." + format + ")", result.kind(), String.valueOf(result));
            double difference = result.maxDifference();
            assertTrue(difference < 1e-6, "float32 weights predict within rounding: " + difference);
            double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "predict", file.toString(), "saveload.json",
                    "saveload-data.pt"));
            double torchDifference = TorchOracle.maxDifference(result.filePredictions(), torch);
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
        downloadSettingsAndData(page, "made.json", "made-data.pt");
        double[] torch = TorchOracle.numbers(TorchOracle.run(dir, "make", "made.json", "3", "pytorch-made", "made-data.pt"));
        Path made = dir.resolve("pytorch-made.pt");
        Restored result = PageSteps.restore(page, made);
        assertEquals("PyTorch state dict (.pt)", result.kind(), String.valueOf(result));
        assertTrue(TorchOracle.maxDifference(result.filePredictions(), torch) < 1e-6, "predicts as in PyTorch");
        double before = PageSteps.figures(page, "loss")[0];
        page.locator("[data-role=start-from]").click();
        waitForMessage(page, "^Starting from");
        assertEquals(0.0, PageSteps.restore(page, made).maxDifference(), "the run starts from PyTorch's weights");
        PageSteps.train(page);
        double loss = PageSteps.figures(page, "loss")[0];
        assertTrue(loss < before / 2, "trained from PyTorch's weights: " + before + " -> " + loss);

        // Damaged and hostile files: a message, and the network stays as it is.
        byte[] good = Files.readAllBytes(made);
        Path truncated = Files.write(dir.resolve("truncated.pt"), java.util.Arrays.copyOf(good, good.length / 2));
        Restored bad = PageSteps.restore(page, truncated);
        assertTrue(String.valueOf(bad.error()).contains("truncated?"), String.valueOf(bad));
        assertTrue(bad.error().contains("unchanged"), bad.error());
        Path hostileDir = Files.createDirectories(dir.resolve("hostile"));
        TorchOracle.run(dir, "hostile", hostileDir.toString(), dir.resolve("pwned").toString());
        Restored hostile = PageSteps.restore(page, hostileDir.resolve("os-system.pt"));
        assertTrue(String.valueOf(hostile.error()).contains("refused: the file asks for posix.system"), String.valueOf(hostile));
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
                "/playground.html#v=1&dataset=moons&layers=12-8&norm=BatchNorm1d-LayerNorm&normHp=momentum:0.2"
                        + "&dropout=0.3-0.1&batch=16&sched=StepLR&schedHp=step_size:2&clipNorm=0.5&steps=120",
                "/classification.html")) {
            Page page = trainToEnd(path);
            Path run = Files.createDirectories(dir.resolve("replay" + Math.abs(path.hashCode())));
            page.locator("details.code summary").click(); // the replay files sit with the script
            for (String what : List.of("initial", "data")) {
                Download download = page.waitForDownload(() -> page.locator("[data-export=" + what + "]").first().click());
                download.saveAs(run.resolve(download.suggestedFilename()));
            }
            Files.writeString(run.resolve("script.py"), page.locator("[data-role=code]").textContent());
            double[] pageLosses = PageSteps.figures(page, "loss");
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
