package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnplayground.e2e.PageSteps.train;
import static org.nnplayground.e2e.PageSteps.waitForMessage;
import static org.nnplayground.e2e.PageSteps.waitReady;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Your own data in the playground, in a real browser: a CSV file uploaded, previewed and trained on; every bad
 * file refused with its row and column while the current data stays; points drawn on the chart, removed and
 * trained on; a drawn dataset reopened from its link; the data downloaded as CSV; and all of it from the
 * static site alone too.
 */
class OwnDataIT {
    private static BrowserSession session;
    private static StaticSiteServer site;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
        site = new StaticSiteServer();
        dir = Files.createTempDirectory("nn-own-data");
    }

    @AfterAll
    static void stop() throws Exception {
        assertEquals(List.of(), session.consoleErrors, "no console errors");
        session.close();
        site.close();
    }

    private static Page ready(String url) {
        Page page = session.openUrl(url);
        waitReady(page);
        page.locator("[data-role=own-data] summary").click();
        return page;
    }

    private static double accuracy(Page page) {
        return PageSteps.figures(page, "accuracy")[0];
    }

    /** What the CSV reader answered: its message, and whether it read the file (else it refused it). */
    record Read(String message, boolean read) {
        int rows() {
            return Integer.parseInt(message.substring(0, message.indexOf(" rows")));
        }
    }

    private static Read upload(Page page, Path file) {
        Locator message = page.locator("[data-role=csv-message]");
        page.setInputFiles("[data-role=csv-file]", file);
        assertThat(message).hasAttribute("data-state", Pattern.compile("^(read|refused)$"));
        return new Read(message.textContent(), "read".equals(message.getAttribute("data-state")));
    }

    private static void assertPoints(Page page, String count) {
        assertThat(page.locator("[data-role=data-count]")).hasText(count,
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
    }

    private static void assertDataset(Page page, String name) {
        assertThat(page.locator("[data-field=dataset]")).hasValue(name);
    }

    @Test
    void anUploadedCsvIsPreviewedTrainedOnAndDownloadedAgain() throws Exception {
        for (String base : List.of(session.url(""), site.url(""))) {
            Page page = ready(base + "/playground.html#v=1&layers=8&steps=300&lr=0.02");
            Path csv = Files.writeString(dir.resolve("blobs.csv"), SampleCsv.threeBlobs());
            Read result = upload(page, csv);
            assertEquals(240, result.rows(), String.valueOf(result));
            String preview = page.locator("[data-role=csv-preview]").textContent();
            assertTrue(preview.contains("species: 3 classes (setosa = 0, versicolor = 1, virginica = 2)"), preview);
            assertDataset(page, "spiral"); // nothing changes before training
            page.locator("[data-role=csv-use]").click();
            waitReady(page);
            train(page);
            double accuracy = accuracy(page);
            System.out.printf("%s: trained on the uploaded CSV to accuracy %.3f%n", base, accuracy);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Paths.get("target/screenshots/playground-own-data.png")));
            assertTrue(accuracy >= 0.95, "accuracy " + accuracy);
            assertTrue(page.url().contains("data="), "240 points travel in the link");
            assertEquals(List.of("class 0 (setosa)", "class 1 (versicolor)", "class 2 (virginica)", "class 3 (new)"),
                    page.evaluate("() => [...document.querySelector('[data-role=draw-class]').options].map((o) => o.text)"),
                    "drawn points can join any of your classes");
            Download download = page.waitForDownload(() -> page.locator("[data-role=csv-download]").click());
            Path back = dir.resolve("back.csv");
            download.saveAs(back);
            assertEquals(rows(Files.readString(csv)), rows(Files.readString(back)), "downloaded as uploaded");
            page.close();
        }
    }

    /**
     * Data the plane cannot show: three inputs and two targets (told as two target columns), then four inputs and three
     * classes. Each trains, is drawn as predictions against its targets, and its link and CSV keep every column.
     */
    @Test
    void wideCsvDataTrainsAndIsDrawnAsPredictionsAgainstTargets() throws Exception {
        Page page = ready(session.url("/playground.html#v=1&layers=16&activation=Tanh&lr=0.02&batch=25&steps=600"));
        page.locator("[data-role=csv-targets]").fill("2");
        assertTrue(upload(page, Files.writeString(dir.resolve("wide.csv"), SampleCsv.threeInputsTwoTargets())).message()
                .contains("regression on 3 inputs, 2 targets"));
        assertTrue(page.locator("[data-role=csv-preview]").textContent().contains("wave: target"));
        page.locator("[data-role=csv-use]").click();
        waitReady(page);
        assertThat(page.locator("[data-role=data-caption]")).containsText("predictions against the targets (3 inputs, 2 targets");
        assertThat(page.locator("[data-role=network-summary]")).containsText("3 inputs → 16 Tanh → 2 outputs");
        assertPoints(page, "150 points");
        train(page);
        double loss = PageSteps.figures(page, "loss")[0];
        System.out.printf("three inputs, two targets: loss on the training data %.4f after 600 updates%n", loss);
        assertTrue(loss < 0.05, "the targets' variance is about 0.5; loss " + loss);
        assertTrue(page.url().contains("outputs=2") && page.url().contains("columns=a%2Cb%2Cc%2Csum%2Cwave"), page.url());
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Paths.get("target/screenshots/playground-wide-regression.png")));
        Page reopened = session.openUrl(page.url());
        page.close();
        waitReady(reopened);
        assertThat(reopened.locator("[data-role=network-summary]")).containsText("3 inputs → 16 Tanh → 2 outputs");
        reopened.close();

        Page four = ready(session.url("/playground.html#v=1&layers=8&steps=300"));
        upload(four, Files.writeString(dir.resolve("four.csv"), SampleCsv.fourInputsThreeClasses()));
        four.locator("[data-role=csv-use]").click();
        waitReady(four);
        assertThat(four.locator("[data-role=data-caption]")).containsText("predictions against the classes (4 inputs");
        train(four);
        assertTrue(accuracy(four) > 0.9, "accuracy " + accuracy(four));
        four.close();
    }

    /** A CSV's header and rows with numbers as values, so 2.2340 and 2.234 compare equal. */
    private static List<List<Object>> rows(String csv) {
        List<List<Object>> out = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            List<Object> row = new ArrayList<>();
            for (String field : line.split(",")) {
                try {
                    row.add(Double.parseDouble(field));
                } catch (NumberFormatException e) {
                    row.add(field);
                }
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void everyBadFileIsRefusedByRowAndColumnAndTheDataStays() throws Exception {
        Page page = ready(session.url("/playground.html#v=1&steps=10"));
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("x,y\n1,2\n3,abc\n", "row 3, column 2 (y): \"abc\" is not a number");
        bad.put("x,y\n1,2\n,4\n", "row 3, column 1 (x): missing value");
        bad.put("x,y\n1,2\n3,4,5\n", "row 3 has 3 columns, but the file has 2 (x, y)");
        bad.put("1,2,a\n3,4,a\n", "column 3 (label) has only one class, \"a\"; classification needs at least two");
        bad.put("1,2\n".repeat(5001), "the file has more than 5000 rows (the limit is 5000)");
        bad.put("", "the file is empty");
        bad.put("a\n1\n", "row 1 has 1 columns; a dataset has 2 to 32");
        bad.put("x,y\n1," + "7".repeat(1500) + "\n", "row 2 is longer than 1000 characters");
        int i = 0;
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            Path file = Files.writeString(dir.resolve("bad" + i++ + ".csv"), entry.getKey());
            Read result = upload(page, file);
            assertTrue(!result.read() && result.message().startsWith(entry.getValue()), result + " for " + entry.getValue());
            assertTrue(result.message().endsWith("Your current data is unchanged."));
            assertTrue(page.locator("[data-role=csv-use]").isDisabled());
        }
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1, 2, 3, 0, 0, 9});
        assertTrue(upload(page, binary).message().startsWith("this looks like a binary file"));
        Path huge = Files.write(dir.resolve("huge.csv"), new byte[1_200_000]);
        assertTrue(upload(page, huge).message().contains("larger than 1 MB"));
        assertDataset(page, "spiral");
        assertTrue(page.locator("[data-role=message]").textContent().startsWith("Ready"), "the run is untouched");
        // Pasted text goes through the same reader.
        page.locator("[data-role=csv-text]").fill("x;y\n1;2\n2;4,5\n");
        page.locator("[data-role=csv-check]").click();
        // The previous file's message stands until the reader answers, so wait for the new one.
        assertThat(page.locator("[data-role=csv-message]")).hasText(
                Pattern.compile("^row 3, column 2 \\(y\\): \"4,5\" is not a number"));
        page.locator("[data-role=csv-text]").fill("x;y\n1;2\n2;4.5\n3;7\n");
        page.locator("[data-role=csv-check]").click();
        assertThat(page.locator("[data-role=csv-use]")).isEnabled();
        assertTrue(page.locator("[data-role=csv-preview]").textContent().contains("y: target"));
        page.close();
    }

    @Test
    void drawingGoesOnWhileTrainingAndABuiltInDatasetDownloadsAsCsv() throws Exception {
        Page page = ready(session.url("/playground.html#v=1&dataset=custom&data=0_0_0*0.1_0.2_0*0.9_1_1*1_0.8_1&steps=100000"));
        page.locator("[data-role=draw-on]").check();
        page.locator("[data-role=play]").click();
        waitForMessage(page, "^Training");
        page.locator("[data-role=draw-class]").selectOption("1");
        clickAtFraction(page, 0.8, 0.5);
        assertPoints(page, "5 points"); // the run restarted with the new point
        waitForMessage(page, "^Training"); // and goes on training
        page.locator("[data-role=play]").click();
        page.close();

        Page builtIn = ready(session.url("/playground.html#v=1&dataset=moons&n=120&steps=10"));
        Download download = builtIn.waitForDownload(() -> builtIn.locator("[data-role=csv-download]").click());
        Path file = dir.resolve("moons.csv");
        download.saveAs(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("x1,x2,label", lines.get(0));
        assertEquals(121, lines.size(), "a header and 120 points");
        builtIn.close();
    }

    @Test
    void anEmbeddingPageCanLowerTheRowLimit() throws Exception {
        // The embedding page's own markup sets data-max-rows on the trainer element.
        String html = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(session.url("/playground.html"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8);
        Page page = session.openUrlRouted(session.url("/playground.html#v=1&steps=10"), "**/playground.html",
                html.replace("data-chapter=\"playground\"", "data-chapter=\"playground\" data-max-rows=\"100\""));
        waitReady(page);
        page.locator("[data-role=own-data] summary").click();
        assertEquals("100", page.locator("[data-role=max-rows]").textContent(), "the limit is shown");
        Path file = Files.writeString(dir.resolve("rows.csv"), "x,y\n" + "1,2\n".repeat(101));
        assertTrue(upload(page, file).message().startsWith("the file has more than 100 rows (the limit is 100)"));
        page.close();
    }

    @Test
    void aLargeDatasetIsKeptOnTheServerAndItsLinkReopensIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("sine.csv"), SampleCsv.sineWave());
        Page page = ready(session.url("/playground.html#v=1&dataset=sine&layers=16&activation=Tanh&steps=60"));
        assertEquals(800, upload(page, csv).rows());
        page.locator("[data-role=csv-use]").click();
        assertThat(page).hasURL(Pattern.compile("dataId="));
        waitReady(page);
        assertTrue(page.locator("[data-role=share-note]").textContent().contains("kept on this server"));
        train(page);
        double[] losses = PageSteps.figures(page, "loss");
        String link = page.url();
        page.close();

        Page reopened = session.openUrl(link);
        assertThat(reopened.locator("[data-role=share-note]")).containsText("The 800 points are kept on this server",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        waitReady(reopened);
        train(reopened);
        assertArrayEquals(losses, PageSteps.figures(reopened, "loss"), "the stored dataset reopens the same run");
        reopened.close();

        // Without a server the page says the link cannot carry the data.
        Page alone = session.openUrl(site.url("/playground.html#v=1&steps=10"));
        waitReady(alone);
        alone.locator("[data-role=own-data] summary").click();
        upload(alone, csv);
        alone.locator("[data-role=csv-use]").click();
        assertThat(alone.locator("[data-role=share-note]")).containsText("does not carry");
        assertTrue(!alone.url().contains("dataId="));
        alone.close();
    }

    @Test
    void aTestSplitIsHeldOutPlottedAndCanBeHidden() {
        Page page = ready(session.url("/playground.html#v=1&dataset=moons&n=300&test=0.3&standardize=1&steps=600&layers=12-12"));
        assertThat(page.locator("[data-field=standardize]")).isChecked();
        assertPoints(page, "300 points, 90 held out for testing");
        train(page);
        double test = PageSteps.figures(page, "test-accuracy")[0];
        System.out.printf("moons with a 30%% test split: training accuracy %.3f, test accuracy %.3f%n", accuracy(page), test);
        assertTrue(test >= 0.9, "test accuracy " + test);
        assertThat(page.locator("[data-role=test-accuracy]")).hasText(String.format("%.1f %%", 100 * test));
        Number testCurve = (Number) page.evaluate("() => Chart.getChart(document.querySelector('[data-role=loss-chart]'))"
                + ".data.datasets.find((d) => d.label === 'test loss').data.length");
        assertTrue(testCurve.intValue() >= 2, "the test loss is plotted while training: " + testCurve);
        page.locator("[data-role=show-test]").uncheck();
        assertEquals(Boolean.TRUE, page.evaluate("() => Chart.getChart(document.querySelector('[data-role=data-chart]'))"
                + ".data.datasets"
                + ".find((d) => d.label === 'test data').hidden"));
        assertTrue(page.locator("[data-role=code]").textContent().contains("x = (x - mean) / std"), "the script standardizes");
        page.close();
    }

    /** Clicks the data chart at fractions (fx, fy) of its axes' ranges. */
    private static void clickAtFraction(Page page, double fx, double fy) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("([fx, fy]) => {"
                + " const s = Chart.getChart(document.querySelector('[data-role=data-chart]')).scales;"
                + " return [s.x.min + fx * (s.x.max - s.x.min), s.y.min + fy * (s.y.max - s.y.min)]; }", List.of(fx, fy));
        clickAt(page, at.get(0).doubleValue(), at.get(1).doubleValue());
    }

    /** Clicks the data chart at data coordinates (x, y). */
    private static void clickAt(Page page, double x, double y) {
        page.locator("[data-role=data-chart]").scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("([x, y]) => {"
                + " const c = Chart.getChart(document.querySelector('[data-role=data-chart]'));"
                + " const box = c.canvas.getBoundingClientRect();"
                + " return [box.left + c.scales.x.getPixelForValue(x), box.top + c.scales.y.getPixelForValue(y)]; }",
                List.of(x, y));
        page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
    }

    @Test
    void drawnPointsTrainAndTheirLinkReopensTheSameRun() {
        for (String base : List.of(session.url(""), site.url(""))) {
            drawAndReopen(base);
        }
    }

    private void drawAndReopen(String base) {
        Page page = ready(base + "/playground.html#v=1&dataset=clusters&layers=6&steps=150&batch=0&lr=0.05");
        page.locator("[data-role=draw-on]").check();
        page.locator("[data-role=draw-clear]").click();
        assertPoints(page, "0 points");
        for (int k = 0; k < 2; k++) {
            page.locator("[data-role=draw-class]").selectOption(String.valueOf(k));
            for (int i = 0; i < 6; i++) {
                // two groups: lower left and upper right
                double fx = k == 0 ? 0.1 + 0.04 * i : 0.7 + 0.04 * i;
                double fy = k == 0 ? 0.1 + 0.05 * i : 0.9 - 0.05 * i;
                int expected = k * 6 + i + 1;
                clickAtFraction(page, fx, fy);
                assertPoints(page, expected + (expected == 1 ? " point" : " points"));
            }
        }
        waitReady(page);
        // Clicking a drawn point again removes it: the last one went where the last click was.
        clickAtFraction(page, 0.7 + 0.04 * 5, 0.9 - 0.05 * 5);
        assertPoints(page, "11 points");
        waitReady(page);
        train(page);
        assertEquals(1.0, accuracy(page), "two separated groups of drawn points");
        double[] losses = PageSteps.figures(page, "loss");
        String step = page.locator("[data-role=step]").textContent();
        String link = page.url();
        page.close();

        Page reopened = session.openUrl(link);
        waitReady(reopened);
        assertPoints(reopened, "11 points");
        train(reopened);
        assertEquals(step, reopened.locator("[data-role=step]").textContent());
        assertArrayEquals(losses, PageSteps.figures(reopened, "loss"), "the reopened link replays the same run");
        reopened.close();
    }
}
