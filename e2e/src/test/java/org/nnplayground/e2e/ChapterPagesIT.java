package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnplayground.e2e.PageSteps.waitForMessage;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live chapter pages as a visitor uses them: press play, watch it learn, share the link. */
class ChapterPagesIT {
    private static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
    }

    @AfterAll
    static void stop() {
        assertTrue(session.consoleErrors.isEmpty(), "console errors: " + session.consoleErrors);
        session.close();
    }

    private static String text(Page page, String role) {
        return page.locator("[data-role=\"" + role + "\"]").textContent();
    }

    /** Opens a page, waits until it is ready, plays to the end and returns the page. */
    private static Page trainToEnd(String path) {
        return PageSteps.trainToEnd(session, path);
    }

    private static boolean chartDrawn(Page page, String role) {
        return (Boolean) page.evaluate("(role) => { const c = document.querySelector(`[data-role=${role}]`);"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let painted = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;"
                + " return painted > 500; }", role);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/" + name + ".png")).setFullPage(true));
    }

    @Test
    void regressionLearnsTheCurveAndDrawsIt() {
        Page page = trainToEnd("/regression.html");
        double loss = Double.parseDouble(text(page, "loss"));
        assertTrue(loss < 0.0122, "loss shown " + loss + " is below the course's figure");
        assertTrue(text(page, "step").startsWith("update 200 of 200"));
        assertTrue(chartDrawn(page, "data-chart") && chartDrawn(page, "loss-chart"));
        screenshot(page, "chapter-1-regression");
        page.close();
    }

    @Test
    void classificationReaches95PercentAndShowsRegions() {
        Page page = trainToEnd("/classification.html");
        String accuracy = text(page, "accuracy");
        assertTrue(Double.parseDouble(accuracy.replace("%", "").trim()) >= 95, "accuracy " + accuracy);
        assertTrue(chartDrawn(page, "data-chart"));
        assertThat(page.locator("[data-cell=\"0-0\"]")).hasText(Pattern.compile("\\d+"));
        int correct = Integer.parseInt(page.locator("[data-cell=\"0-0\"]").textContent())
                + Integer.parseInt(page.locator("[data-cell=\"1-1\"]").textContent());
        assertTrue(correct >= 190, "confusion matrix diagonal " + correct + " of 200");
        assertThat(page.locator("[data-role=accuracy-figure]")).isVisible();
        Object accuracyPoints = page.evaluate("() => Chart.getChart(document.querySelector('[data-role=accuracy-chart]'))"
                + ".data.datasets.find((d) => d.role === 'train').data.length");
        assertTrue(((Number) accuracyPoints).intValue() >= 2, "an accuracy curve is drawn on its own chart");
        Object lossPoints = page.evaluate("() => Chart.getChart(document.querySelector('[data-role=loss-chart]'))"
                + ".data.datasets.find((d) => d.role === 'train').data.length");
        assertTrue(((Number) lossPoints).intValue() >= 2, "the whole-data loss is a line, not only the status");
        screenshot(page, "chapter-2-classification");
        page.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void theOptimizerRaceRanksTheAdaptiveOptimizersAheadOfSgd() {
        Page page = trainToEnd("/race.html");
        java.util.List<String> rows = (java.util.List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'[data-role=race-table] tr')].map((tr) => tr.textContent)");
        assertEquals(4, rows.size(), rows.toString());
        double sgd = Double.parseDouble(rows.get(0).replace("SGD", ""));
        double adam = Double.parseDouble(rows.get(3).replace("Adam", ""));
        assertTrue(adam < sgd && adam < 0.0132, "Adam " + adam + " vs SGD " + sgd);
        assertTrue(chartDrawn(page, "loss-chart"));
        assertThat(page.locator("[data-role=loss]")).hasText(java.util.regex.Pattern.compile(
                "^SGD [0-9.]+ · Momentum [0-9.]+ · RMSprop [0-9.]+ · Adam [0-9.]+$"));
        Object fits = page.evaluate("() => Chart.getChart(document.querySelector('[data-role=data-chart]')).data.datasets"
                + ".filter((d) => d.role === 'fit' && d.data.length > 0).map((d) => d.label)");
        assertEquals(java.util.List.of("fit (SGD)", "fit (Momentum)", "fit (RMSprop)", "fit (Adam)"), fits, "every lane's fit");
        screenshot(page, "chapter-6-optimizer-race");
        page.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void gradientDescentThreeWaysReachesTwoAndShowsTheCoursesSlip() {
        Page page = session.open("/descent.html");
        com.microsoft.playwright.Locator finals = page.locator("[data-role=summary] [data-w]");
        assertThat(finals).hasCount(4);
        for (String variant : List.of("batch", "stochastic", "mini-batch")) {
            double w = Double.parseDouble(page.locator("[data-role=summary] [data-variant=" + variant + "]").getAttribute("data-w"));
            assertEquals(2.0, w, 1e-6, variant + " reaches w = 2");
        }
        // The same numbers as the JVM's ScalarDescent (course figures: 1.99899149591 for the slip).
        assertEquals(1.9989914959136759, Double.parseDouble(
                page.locator("[data-role=summary] [data-variant=course-batch]").getAttribute("data-w")), 1e-15);
        page.selectOption("[data-field=axis]", "seen");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("axis=seen"));
        assertTrue(chartDrawn(page, "w-chart") && chartDrawn(page, "loss-chart"));
        assertTrue(page.url().contains("axis=seen"), page.url());
        screenshot(page, "chapter-5-descent");
        page.close();
    }

    @Test
    void buildingNetsPrintsBothFormsLikePytorchAndTheyAgree() {
        Page page = session.open("/nets.html");
        assertThat(page.locator("[data-role=count]")).hasText("31");
        assertTrue(text(page, "net").endsWith("Net(\n  (hidden): Linear(in_features=1, out_features=10, bias=True)\n"
                + "  (predict): Linear(in_features=10, out_features=1, bias=True)\n)"), text(page, "net"));
        assertTrue(text(page, "sequential").endsWith("Sequential(\n  (0): Linear(in_features=1, out_features=10, bias=True)\n"
                + "  (1): ReLU()\n  (2): Linear(in_features=10, out_features=1, bias=True)\n)"), text(page, "sequential"));
        assertEquals("31", text(page, "count"));
        assertTrue(text(page, "difference").startsWith("0 "), text(page, "difference"));
        // Each form's diagram: a line per weight (10 into the hidden layer, 10 out of it), from the same weights.
        Locator net = page.locator("[data-form=net]");
        Locator sequential = page.locator("[data-form=sequential]");
        assertThat(net.locator("svg line")).hasCount(20);
        assertThat(sequential.locator("svg line")).hasCount(20);
        assertEquals(net.locator("svg line").nth(3).getAttribute("stroke"), sequential.locator("svg line").nth(3).getAttribute("stroke"));
        // Pointing at the Sequential's ReLU lights its source line and its column; the custom Net's ReLU lives in
        // forward, which lights the hidden layer's line of the printout (it has no ReLU line).
        sequential.locator("pre span", new Locator.LocatorOptions().setHasText("(1): ReLU()")).hover();
        assertThat(sequential.locator(".lit")).hasCount(3);
        assertThat(sequential.locator("pre span.lit").first()).hasText("    torch.nn.ReLU(),");
        assertThat(sequential.locator("svg g.lit")).hasAttribute("aria-label", "(0) Linear, (1) ReLU: 10");
        net.locator("pre span", new Locator.LocatorOptions().setHasText("F.relu")).hover();
        assertThat(net.locator("pre span.lit")).hasText(new String[] {"        self.hidden = torch.nn.Linear(n_feature, n_hidden)",
            "        x = F.relu(self.hidden(x))", "  (hidden): Linear(in_features=1, out_features=10, bias=True)"});
        assertThat(net.locator("svg g.lit")).hasCount(2); // the weights into the hidden layer, and its units
        assertThat(sequential.locator(".lit")).hasCount(0);
        screenshot(page, "chapter-3-building-nets");
        page.close();
    }

    @Test
    void savedCheckpointsAndStateDictsLoadBackAndPredictIdentically() throws Exception {
        Page page = trainToEnd("/saveload.html");
        Path dir = Files.createTempDirectory("nn-downloads");
        for (String button : List.of("save-checkpoint", "save-state-dict")) {
            Download download = page.waitForDownload(() -> page.locator("[data-role=" + button + "]").click());
            Path file = dir.resolve(download.suggestedFilename());
            download.saveAs(file);
            PageSteps.Restored result = PageSteps.restore(page, file);
            assertEquals(0.0, result.maxDifference(), button + " predicts identically: " + result);
            assertArrayEquals(result.networkPredictions(), result.filePredictions(), "point by point");
            assertThat(page.locator("[data-role=restore-result]")).containsText("identical");
        }
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"format\":\"nn-playground/checkpoint\",\"version\":1,");
        String bad = PageSteps.restore(page, corrupt).error();
        assertTrue(bad.contains("truncated") && bad.contains("unchanged"), bad);
        Path mismatched = Files.writeString(dir.resolve("other.json"), org.nnplayground.io.StateDictFile.write(
                new org.nnplayground.course.Net(1, 3, 1, new org.nnplayground.random.Generator(1)).stateDict()));
        String wrong = PageSteps.restore(page, mismatched).error();
        assertTrue(wrong.contains("Missing key(s)") && wrong.contains("\"predict.bias\". The current network is unchanged."), wrong);
        assertThat(page.locator("[data-role=side-by-side]")).isHidden();
        screenshot(page, "chapter-4-save-and-load");
        page.close();
    }

    /** Python syntax check of every page's PyTorch script; with PyTorch installed, the script also runs. */
    @Test
    void thePytorchCodeOfEveryPageIsValidPython() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("nn-pytorch");
        String[] pages = {"/regression.html", "/classification.html", "/race.html", "/saveload.html",
            "/playground.html#v=1&dataset=moons&layers=8-8&activation=GELU-Tanh&optimizer=RMSprop&steps=20",
            "/playground.html#v=1&dataset=moons&loss=BCEWithLogitsLoss&steps=20",
            "/playground.html#v=1&dataset=sine&optimizer=Adam&hp=beta1:0.8,amsgrad:1,weight_decay:0.001&steps=20",
            "/playground.html#v=1&dataset=sine&optimizer=RMSprop&hp=centered:1,momentum:0.5&steps=20",
            "/playground.html#v=1&dataset=sine&activation=ELU&optimizer=SGD&momentum=0.9&steps=20",
            "/playground.html#v=1&dataset=circle&steps=10", "/playground.html#v=1&dataset=xor&steps=10",
            "/playground.html#v=1&dataset=clusters&steps=10&activation=Softplus",
            "/playground.html#v=1&dataset=moons&layers=8-8-8&activation=SiLU-Mish-ReLU6&steps=20",
            "/playground.html#v=1&dataset=sine&layers=8-8-8&activation=Hardtanh-SELU-CELU&steps=20",
            "/playground.html#v=1&dataset=line&layers=&steps=10&batch=1",
            "/playground.html#v=1&dataset=moons&layers=8-8&activation=Softmax-LogSoftmax&loss=NLLLoss&lossHp=weight:2_0.5&steps=20",
            "/playground.html#v=1&dataset=moons&loss=BCELoss&lossHp=reduction:sum&steps=20",
            "/playground.html#v=1&dataset=moons&loss=BCEWithLogitsLoss&lossHp=pos_weight:2.5&steps=20",
            "/playground.html#v=1&dataset=circle&loss=CrossEntropyLoss&lossHp=weight:1_3,label_smoothing:0.1&steps=20",
            "/playground.html#v=1&dataset=sine&loss=HuberLoss&lossHp=delta:0.3&steps=20",
            "/playground.html#v=1&dataset=sine&loss=SmoothL1Loss&lossHp=beta:0.2&steps=20",
            "/playground.html#v=1&dataset=sine&loss=L1Loss&steps=20",
            "/playground.html#v=1&dataset=sine&sched=StepLR&schedHp=step_size:2,gamma:0.5&batch=25&steps=40",
            "/playground.html#v=1&dataset=moons&sched=OneCycleLR&schedHp=max_lr:0.1,total_steps:30&steps=30",
            "/playground.html#v=1&dataset=sine&sched=ReduceLROnPlateau&schedHp=patience:0&batch=25&steps=40",
            "/playground.html#v=1&dataset=sine&sched=MultiStepLR&schedHp=milestones:1_3&optimizer=SGD&batch=25&steps=40",
            "/race.html#v=1&sched=CosineAnnealingLR&schedHp=T_max:5&steps=60",
            "/playground.html#v=1&dataset=moons&layers=8-8&activation=PReLU-Tanh&reg=L1&regRate=0.01&steps=20",
            "/playground.html#v=1&dataset=sine&n=90&batch=20&shuffle=0&dropLast=1&clipNorm=0.5&clipValue=0.1&steps=20",
            "/race.html#v=1&sched=ReduceLROnPlateau&schedHp=patience:1&steps=60"};
        // Debian's python3-torch lives in /usr/bin/python3; any python3 can at least check the syntax.
        boolean torch = java.nio.file.Files.isExecutable(java.nio.file.Paths.get("/usr/bin/python3"))
                && new ProcessBuilder("/usr/bin/python3", "-c", "import torch").start().waitFor() == 0;
        String python = torch ? "/usr/bin/python3" : "python3";
        for (int i = 0; i < pages.length; i++) {
            Page page = session.open(pages[i]);
            assertThat(page.locator("[data-role=code]")).containsText("loss_func = torch.nn.");
            String code = page.locator("[data-role=code]").textContent();
            page.close();
            java.nio.file.Path script = dir.resolve("page" + i + ".py");
            java.nio.file.Files.writeString(script, code);
            Process compile = new ProcessBuilder(python, "-m", "py_compile", script.toString()).redirectErrorStream(true).start();
            String output = new String(compile.getInputStream().readAllBytes());
            assertEquals(0, compile.waitFor(), pages[i] + ": " + output);
            if (torch) {
                Process run = new ProcessBuilder(python, script.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
                String printed = new String(run.getInputStream().readAllBytes());
                assertEquals(0, run.waitFor(), pages[i] + " in PyTorch: " + printed);
            }
        }
    }

    @Test
    void resetReplaysExactlyTheSameCurve() {
        Page page = trainToEnd("/classification.html");
        String loss = text(page, "loss");
        Object first = page.evaluate("() => JSON.stringify(Chart.getChart(document.querySelector('[data-role=loss-chart]')).data.datasets[0].data)");
        page.locator("[data-role=reset]").click();
        assertThat(page.locator("[data-role=step]")).hasText(java.util.regex.Pattern.compile("^update 0"));
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished");
        Object second = page.evaluate("() => JSON.stringify(Chart.getChart(document.querySelector('[data-role=loss-chart]')).data.datasets[0].data)");
        assertEquals(first, second);
        assertEquals(loss, text(page, "loss"));
        page.close();
    }

    @Test
    void aModelSavedToTheServerOpensFromItsShareableLink() throws Exception {
        Page page = trainToEnd("/saveload.html");
        assertThat(page.locator("[data-role=server-panel]")).isVisible();
        page.fill("[data-role=model-name]", "my <b>net</b>");
        page.locator("[data-role=save-server]").click();
        assertThat(page.locator("[data-role=share-link]")).containsText("model=");
        String link = text(page, "share-link");
        assertTrue(link.contains("model="), link);
        // The trained network's own predictions, as the page lists them beside its downloaded checkpoint.
        Download download = page.waitForDownload(() -> page.locator("[data-role=save-checkpoint]").click());
        Path checkpoint = Files.createTempFile("nn-checkpoint", ".json");
        download.saveAs(checkpoint);
        double[] trained = PageSteps.restore(page, checkpoint).networkPredictions();
        page.close();

        Page shared = session.open(link.substring(link.indexOf("/saveload.html")));
        Locator result = shared.locator("[data-role=restore-result]");
        assertThat(result).hasAttribute("data-state", "loaded", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertTrue(trained.length > 0);
        assertArrayEquals(trained, PageSteps.column(shared, "file-prediction"),
                "the shared model predicts exactly what the saved network predicted");
        shared.close();
    }

    /**
     * A first save hands this browser an owner key, shown once and kept; the list shows only this browser's models,
     * and Delete (which needs the key) removes one. Another browser (each page here has its own context) lists none
     * until it is given the key.
     */
    @Test
    void theOwnerKeyListsAndDeletesThisBrowsersModelsOnly() throws Exception {
        Page page = trainToEnd("/saveload.html#v=1&steps=20");
        page.fill("[data-role=model-name]", "my <b>owned</b>");
        page.locator("[data-role=save-server]").click();
        assertThat(page.locator("[data-role=owner-key]")).containsText("nnp_");
        assertThat(page.locator("[data-role=saved-models] option")).hasCount(1);
        String kept = (String) page.evaluate("() => localStorage.getItem('nn-playground.owner-key')");
        assertTrue(page.locator("[data-role=owner-key]").textContent().contains(kept), "the key shown is the key kept");
        page.locator("[data-role=save-server]").click();
        assertThat(page.locator("[data-role=saved-models] option")).hasCount(2);
        assertThat(page.locator("[data-role=owner-key]")).containsText(kept); // the same key, not a new one
        assertTrue(page.locator("[data-role=saved-models]").textContent().contains("my <b>owned</b>"), "names stay text");

        Page stranger = session.open("/saveload.html");
        assertThat(stranger.locator("[data-role=saved-models]")).hasAttribute("data-state", "listed");
        assertThat(stranger.locator("[data-role=open-saved]")).isDisabled();
        assertThat(stranger.locator("[data-role=saved-models] option")).hasCount(0);
        stranger.locator(".owner-key-entry summary").click();
        stranger.fill("[data-role=owner-key-input]", "nnp_guess");
        stranger.locator("[data-role=use-owner-key]").click();
        assertThat(stranger.locator("[data-role=owner-key-result]")).containsText("That is not an owner key");
        stranger.fill("[data-role=owner-key-input]", kept);
        stranger.locator("[data-role=use-owner-key]").click();
        assertThat(stranger.locator("[data-role=saved-models] option")).hasCount(2); // the key carried to another browser
        stranger.close();

        page.locator("[data-role=delete-saved]").click();
        assertThat(page.locator("[data-role=server-result]")).containsText("Deleted my <b>owned</b>");
        assertThat(page.locator("[data-role=saved-models] option")).hasCount(1);
        page.close();
    }

    @Test
    void thePlaygroundTakesAnActivationPerLayerAndBinaryCrossEntropy() {
        Page page = trainToEnd("/playground.html#v=1&dataset=moons&layers=16-16&activation=Tanh-ReLU&loss=BCEWithLogitsLoss"
                + "&optimizer=Adam&lr=0.02&batch=0&steps=300");
        String code = page.locator("[data-role=code]").textContent();
        assertTrue(code.contains("torch.tanh(self.hidden1(x))") && code.contains("F.relu(self.hidden2(x))"), code);
        assertTrue(code.contains("torch.nn.BCEWithLogitsLoss()"), "the chosen loss");
        double accuracy = Double.parseDouble(text(page, "accuracy").replace("%", "").trim());
        assertTrue(accuracy > 85, "moons with BCE: " + accuracy);
        page.close();
    }

    @Test
    void theSpeedIsLabelledAndKeptInTheLinkAndPlayTrainsOnPastThePlan() {
        Page page = session.open("/regression.html#v=1&steps=20");
        waitForMessage(page, "^Ready");
        assertThat(page.locator("[data-role=speed-value]")).hasText("50 updates/s");
        page.locator("[data-role=speed]").fill("0");
        assertThat(page.locator("[data-role=speed-value]")).hasText("1 update/s");
        assertTrue(page.url().contains("speed=1"), page.url());
        page.locator("[data-role=speed]").fill("9");
        assertThat(page.locator("[data-role=speed-value]")).hasText("fastest");
        page.locator("[data-role=play]").click();
        waitForMessage(page, "^Finished the planned 20 updates");
        assertThat(page.locator("[data-role=step]")).hasText(java.util.regex.Pattern.compile("^update 20 of 20"));
        page.locator("[data-role=play]").click();
        assertThat(page.locator("[data-role=step]")).hasText(java.util.regex.Pattern.compile("^update \\d{3,} · epoch"));
        page.locator("[data-role=play]").click();
        waitForMessage(page, "^Paused");
        page.close();
    }

    @Test
    void theSpaceBarPlaysAndPausesAndChartsDownloadAsPng() throws Exception {
        Page page = session.open("/regression.html#v=1&steps=100000");
        waitForMessage(page, "^Ready");
        page.keyboard().press("Space");
        assertEquals("Pause", page.locator("[data-role=play]").textContent());
        page.keyboard().press("Space");
        assertEquals("Play", page.locator("[data-role=play]").textContent());
        com.microsoft.playwright.Download download = page.waitForDownload(
                () -> page.locator("[data-download=loss]").click());
        assertTrue(download.suggestedFilename().endsWith(".png"), download.suggestedFilename());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chart", ".png");
        download.saveAs(file);
        byte[] png = java.nio.file.Files.readAllBytes(file);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG image");
        page.close();
    }

    @Test
    void everyChapterShowsWhereItIsInTheCourseAndLeadsToTheNext() {
        Page page = session.open("/classification.html");
        assertThat(page.locator("header [aria-current=page]")).hasText("2. Classification");
        assertThat(page.locator(".prev-next [rel=prev]")).hasText("← 1. Regression");
        page.locator(".prev-next [rel=next]").click();
        // The nets page may write its state into the link's hash as soon as it loads.
        assertThat(page).hasURL(Pattern.compile("/nets\\.html(#.*)?$"));
        assertThat(page.locator("header [aria-current=page]")).hasText("3. Building nets");
        page.navigate(session.url("/index.html"));
        assertThat(page.locator("[data-role=chapter-index] li")).hasCount(7);
        page.close();
    }

    @Test
    void everyPageFitsAPhone360PixelsWide() {
        for (String path : java.util.List.of("/index.html", "/regression.html", "/classification.html", "/nets.html",
                "/saveload.html", "/descent.html", "/race.html", "/playground.html")) {
            Page page = session.open(path);
            page.setViewportSize(360, 740);
            PageSteps.waitDrawn(page, path);
            // The charts follow the narrower window on their next frames (a ResizeObserver), which may come after
            // the page is ready: wait for the layout to settle, then measure.
            try {
                page.waitForFunction("() => document.documentElement.scrollWidth <= 360");
            } catch (com.microsoft.playwright.PlaywrightException stillTooWide) {
                // measured and reported below
            }
            Object width = page.evaluate("() => document.documentElement.scrollWidth");
            // Which elements stick out, so that a failure says what did not follow the window.
            Object wide = page.evaluate("() => [...document.querySelectorAll('body *')]"
                    + ".filter((e) => e.getBoundingClientRect().right > 362).slice(0, 6)"
                    + ".map((e) => e.tagName + (e.dataset.role ? '[' + e.dataset.role + ']' : '') + ' '"
                    + " + Math.round(e.getBoundingClientRect().width)).join(', ')");
            assertTrue(((Number) width).intValue() <= 360, path + " is " + width + " px wide on a 360 px phone: " + wide);
            page.close();
        }
    }

    @Test
    void thePlaygroundTrainsWithTheChosenLossAndItsSettings() {
        Page page = session.open("/playground.html#v=1&dataset=sine&steps=30");
        waitForMessage(page, "^Ready");
        page.selectOption("[data-field=loss]", "HuberLoss");
        Locator delta = page.locator("[data-role=loss-hyper] [data-hyper=delta]");
        assertEquals("1", delta.inputValue(), "PyTorch's default delta");
        delta.fill("0.25");
        delta.press("Tab"); // leaving the box commits the number, as a reader's click elsewhere does
        page.selectOption("[data-role=loss-hyper] [data-hyper=reduction]", "sum");
        assertThat(page).hasURL(Pattern.compile("lossHp=delta%3A0\\.25%2Creduction%3Asum"));
        assertThat(page.locator("[data-role=code]")).containsText("loss_func = torch.nn.HuberLoss(reduction='sum', delta=0.25)");
        waitForMessage(page, "^Ready");
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished");
        assertTrue(Double.parseDouble(text(page, "loss")) > 0, "a Huber loss was reported");
        page.close();

        // NLLLoss: the network ends in a LogSoftmax, and a weight per class is one number per class.
        page = session.open("/playground.html#v=1&dataset=moons&loss=NLLLoss&steps=40");
        waitForMessage(page, "^Ready");
        Locator weight = page.locator("[data-role=loss-hyper] [data-hyper=weight]");
        weight.fill("1, 2, 3");
        weight.press("Tab");
        waitForMessage(page, "weight has 3 values for the network's 2 outputs");
        weight.fill("2, 0.5");
        weight.press("Tab");
        assertThat(page.locator("[data-role=code]")).containsText("torch.nn.LogSoftmax(dim=1),");
        assertThat(page.locator("[data-role=code]")).containsText("torch.nn.NLLLoss(weight=torch.tensor([2.0, 0.5]))");
        waitForMessage(page, "^Ready");
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished");
        assertTrue(text(page, "accuracy").endsWith("%"), text(page, "accuracy"));
        page.close();
    }

    @Test
    void aSchedulerChosenInThePlaygroundShapesTheRateItPlots() {
        Page page = session.open("/playground.html#v=1&dataset=sine&n=100&batch=25&steps=40&speed=9");
        waitForMessage(page, "^Ready");
        assertThat(page.locator("[data-role=rate-figure]")).isHidden();
        page.selectOption("[data-field=sched]", "StepLR");
        Locator stepSize = page.locator("[data-role=sched-hyper] [data-hyper=step_size]");
        assertEquals("required", stepSize.getAttribute("aria-label").replaceAll(".*\\((.*)\\)", "$1"));
        stepSize.fill("2");
        stepSize.press("Tab");
        page.locator("[data-role=sched-hyper] [data-hyper=gamma]").fill("0.5");
        page.locator("[data-role=sched-hyper] [data-hyper=gamma]").press("Tab");
        assertThat(page).hasURL(Pattern.compile("sched=StepLR&schedHp=step_size%3A2%2Cgamma%3A0\\.5"));
        assertThat(page.locator("[data-role=code]")).containsText(
                "scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)");
        waitForMessage(page, "^Ready");
        assertThat(page.locator("[data-role=rate-figure]")).isVisible();
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished");
        // 100 points in batches of 25: 4 updates an epoch, so 10 epochs and the rate halved every 2 of them.
        @SuppressWarnings("unchecked")
        List<Object> rates = (List<Object>) page.evaluate("() => Chart.getChart(document.querySelector("
                + "'[data-role=rate-chart]')).data.datasets[0].data.map((p) => p.y)");
        assertEquals(40, rates.size());
        double first = ((Number) rates.get(0)).doubleValue();
        assertEquals(first, ((Number) rates.get(7)).doubleValue(), 0, "two epochs at the starting rate");
        assertEquals(first / 2, ((Number) rates.get(8)).doubleValue(), 1e-15, "then halved");
        assertEquals(first / 16, ((Number) rates.get(39)).doubleValue(), 1e-15, "halved four times in the tenth epoch");
        page.close();
    }

    @Test
    void thePlaygroundShowsEachOptimizersSettingsWithPytorchsDefaults() {
        Page page = session.open("/playground.html#v=1&optimizer=Adam");
        waitForMessage(page, "^Ready");
        assertEquals("0.999", page.locator("[data-hyper=beta2]").inputValue());
        assertEquals("1e-8", page.locator("[data-hyper=eps]").inputValue());
        page.locator("[data-hyper=amsgrad]").check();
        assertThat(page).hasURL(Pattern.compile("amsgrad"));
        assertThat(page.locator("[data-role=code]")).containsText("amsgrad=True");
        page.selectOption("[data-field=optimizer]", "SGD");
        assertThat(page.locator("[data-hyper=nesterov]")).hasCount(1);
        assertTrue(!page.url().contains("amsgrad"), page.url());
        page.close();
    }

    /** Every control on every page has a name a screen reader can say: its label, aria-label or text. */
    @SuppressWarnings("unchecked")
    @Test
    void everyControlHasAnAccessibleName() {
        for (String path : List.of("/index.html", "/regression.html", "/classification.html", "/nets.html", "/saveload.html",
                "/descent.html", "/race.html", "/playground.html")) {
            Page page = session.open(path);
            PageSteps.waitDrawn(page, path); // controls rendered by the page's script
            List<String> unnamed = (List<String>) page.evaluate("() => [...document.querySelectorAll("
                    + "'input, select, textarea, button')].filter((el) => {"
                    + "  const label = el.closest('label') || (el.id && document.querySelector(`label[for=\"${el.id}\"]`));"
                    + "  const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title"
                    + "    || (label && label.textContent.trim()) || (el.tagName === 'BUTTON' && el.textContent.trim());"
                    + "  return !named; }).map((el) => el.outerHTML.slice(0, 120))");
            assertEquals(List.of(), unnamed, path);
            page.close();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theRaceTakesAdagradAndAdamWLanesAndEachLanesSettings() {
        Page page = session.open("/race.html");
        waitForMessage(page, "^Ready");
        assertEquals("0.9", page.locator("[aria-label^='RMSprop alpha']").inputValue(), "RMSprop's lane has the course's alpha");
        assertEquals("0.99", page.locator("[aria-label^='Adam beta2']").inputValue(), "Adam's lane has the course's beta2");
        assertEquals("0.01", page.locator("[data-lane-box=AdamW] [data-hyper=weight_decay]").inputValue(), "AdamW shows PyTorch's default");
        page.locator("[data-lane-box=Adam] [data-hyper=amsgrad]").check();
        assertThat(page).hasURL(Pattern.compile("laneAdam=beta2%3A0\\.99%2Camsgrad%3A1"));
        assertTrue(page.locator("[data-role=code]").textContent().contains("amsgrad=True"), "the script follows the lane's settings");
        page.locator("[data-lane=Adagrad]").check();
        assertThat(page).hasURL(Pattern.compile("Adagrad"));
        page.locator("[data-lane=AdamW]").check();
        assertThat(page).hasURL(Pattern.compile("AdamW"));
        waitForMessage(page, "^Ready");
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished");
        java.util.List<String> rows = (java.util.List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'[data-role=race-table] tr')].map((tr) => tr.textContent)");
        assertEquals(6, rows.size(), rows.toString());
        assertTrue(page.locator("[data-role=code]").textContent().contains("torch.optim.AdamW("), "the script races AdamW too");
        page.close();
    }

    @Test
    void thePlaygroundSavesToTheServerToo() {
        Page page = trainToEnd("/playground.html#v=1&steps=30");
        assertThat(page.locator("[data-role=server-panel]")).isVisible();
        page.locator("[data-role=save-server]").click();
        assertThat(page.locator("[data-role=share-link]")).containsText("model=");
        String link = text(page, "share-link");
        assertTrue(link.contains("/playground.html#") && link.contains("steps=30") && link.contains("model="), link);
        page.close();
    }

    @Test
    void aCopiedLinkReproducesTheSameRun() {
        Page first = trainToEnd("/playground.html#v=1&steps=300&dataSeed=5&lr=0.03");
        String loss = text(first, "loss");
        String url = first.url();
        screenshot(first, "playground");
        first.close();
        Page again = trainToEnd(url.substring(url.indexOf("/playground.html")));
        assertEquals(loss, text(again, "loss"));
        again.close();
    }

    @Test
    void invalidLinkValuesFallBackWithANotice() {
        Page page = session.open("/regression.html#v=1&lr=banana&colour=red");
        waitForMessage(page, "^Ready");
        String notice = text(page, "notices");
        assertTrue(notice.contains("banana") && notice.contains("colour"), notice);
        page.locator("[data-field=lr]").fill("0.1");
        page.locator("[data-field=lr]").dispatchEvent("change");
        assertThat(page.locator("[data-role=notices]")).isHidden();
        page.close();
    }

    @Test
    void theDescentChapterRefusesSettingsItCannotRunAndNamesTheRatesItUses() {
        Page page = session.open("/descent.html");
        assertThat(page.locator("[data-role=summary]")).containsText("batch (lr 0.1): w = ");
        page.locator("[data-field=batch]").fill("5");
        page.locator("[data-field=batch]").dispatchEvent("change");
        assertThat(page.locator("[data-role=notices]")).hasText("\"5\" is not a valid batch (1 to 3); 2 is kept.");
        assertThat(page.locator("[data-field=batch]")).hasValue("2");
        page.locator("[data-field=epochs]").fill("5000");
        page.locator("[data-field=epochs]").dispatchEvent("change");
        assertThat(page.locator("[data-role=notices]")).containsText("not a valid epochs (1 to 1000)");
        page.locator("[data-field=batchLr]").fill("0.2");
        page.locator("[data-field=batchLr]").dispatchEvent("change");
        assertThat(page.locator("[data-role=summary]")).containsText("batch (lr 0.2): w = ");
        assertThat(page.locator("[data-role=notices]")).isHidden();
        assertTrue(page.url().endsWith("#v=1&batchLr=0.2"), "refused values stay out of the link: " + page.url());
        page.close();
    }

    @Test
    void aHashEditedInTheSameTabOpensItsRun() {
        Page page = session.open("/regression.html");
        waitForMessage(page, "^Ready");
        page.navigate(session.url("/regression.html#v=1&layers=4&lr=0.05"));
        assertThat(page.locator("[data-field=layers]")).hasValue("4");
        assertThat(page.locator("[data-field=lr]")).hasValue("0.05");
        assertThat(page.locator("[data-role=code]")).containsText("torch.nn.Linear(1, 4)");
        page.close();
    }

    @Test
    void spaceOpensTheFocusedCodeInsteadOfTrainingAndTheStatusDoesNotInterrupt() {
        Page page = session.open("/regression.html");
        waitForMessage(page, "^Ready");
        assertThat(page.locator("[data-role=message]")).hasAttribute("role", "status");
        page.locator("details.code summary").focus();
        page.keyboard().press("Space");
        assertThat(page.locator("details.code")).hasAttribute("open", "");
        assertThat(page.locator("[data-role=play]")).hasText("Play");
        page.close();
    }

    @Test
    void aChapterPageOffersNoDatasetOfYourOwn() {
        Page page = session.open("/classification.html");
        waitForMessage(page, "^Ready");
        assertThat(page.locator("[data-field=dataset] option[value=spiral]")).hasCount(1);
        assertThat(page.locator("[data-field=dataset] option[value=custom]")).hasCount(0);
        page.close();
    }

    @Test
    void aDivergingRunExplainsItself() {
        Page page = trainToEnd("/regression.html#v=1&lr=90");
        String message = text(page, "message");
        assertTrue(message.matches("loss became (NaN|infinite) at step \\d+.*smaller learning rate.*"), message);
        page.close();
    }
}
