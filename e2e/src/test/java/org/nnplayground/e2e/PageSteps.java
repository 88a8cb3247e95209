package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** What the page tests do again and again on a training page: wait for it, train it to the end, load a file. */
final class PageSteps {
    private PageSteps() {
    }

    /** Until the engine is ready and the page says so. */
    static void waitReady(Page page) {
        waitForMessage(page, "^Ready");
    }

    /** Until the page's message line matches {@code regex} (a run to its end may take minutes on 2 cores). */
    static void waitForMessage(Page page, String regex) {
        assertThat(page.locator("[data-role=message]")).hasText(Pattern.compile(regex),
                new LocatorAssertions.HasTextOptions().setTimeout(180_000));
    }

    /** Presses play and waits until the run finished (or diverged) and its last grid and metrics are drawn. */
    static void train(Page page) {
        page.locator("[data-role=speed]").fill("9"); // fastest: the page's own pace is for watching
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished|loss became"); // "Finished" shows once the last state is drawn
    }

    /** Until a page's script has drawn it: a training page's first run, the descents, the nets, the index. */
    static void waitDrawn(Page page, String path) {
        if (path.contains("descent")) {
            assertThat(page.locator("[data-role=summary]")).containsText("w = ");
        } else if (path.contains("nets")) {
            assertThat(page.locator("[data-role=count]")).hasText(Pattern.compile("\\d+"));
        } else if (path.contains("index")) {
            assertThat(page.locator("[data-role=chapter-index] li")).hasCount(7);
        } else {
            waitReady(page);
        }
    }

    /** Opens a page of the session, waits for it and trains it to the end. */
    static Page trainToEnd(BrowserSession session, String path) {
        Page page = session.open(path);
        waitReady(page);
        train(page);
        return page;
    }

    /** What the save-and-load page made of a file: its kind, or the error it reported; the differences it found. */
    record Restored(String kind, String error, double maxDifference, double[] networkPredictions, double[] filePredictions) {
    }

    /** Loads a file through the save-and-load picker and reads the page's answer off the page. */
    static Restored restore(Page page, Path file) {
        Locator result = page.locator("[data-role=restore-result]");
        page.setInputFiles("[data-role=file]", file);
        assertThat(result).hasAttribute("data-state", Pattern.compile("^(loaded|failed)$"),
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        if ("failed".equals(result.getAttribute("data-state"))) {
            return new Restored(null, result.textContent(), Double.NaN, null, null);
        }
        return new Restored(result.getAttribute("data-kind"), null,
                Double.parseDouble(result.getAttribute("data-max-difference")),
                column(page, "network-prediction"), column(page, "file-prediction"));
    }

    /** The exact values of one column of the save-and-load page's point-by-point table, in order. */
    static double[] column(Page page, String role) {
        return page.locator("[data-role=predictions] [data-role=" + role + "]").all().stream()
                .flatMap((cell) -> java.util.Arrays.stream(cell.getAttribute("data-value").split(",")))
                .mapToDouble(Double::parseDouble).toArray();
    }

    /** The exact values behind a status figure (one per race lane): loss, accuracy, test-loss, test-accuracy. */
    static double[] figures(Page page, String role) {
        String values = page.locator("[data-role=" + role + "]").getAttribute("data-values");
        return java.util.Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The engine check page's probe output from each build, once it is done. */
    static Map<String, String> engineCheckOutputs(Page page) {
        assertThat(page.locator("[data-role=check-status]")).hasText(Pattern.compile("done\\.$"),
                new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        return Map.of("js", page.locator("[data-engine=js]").textContent(),
                "wasm", page.locator("[data-engine=wasm]").textContent());
    }
}
