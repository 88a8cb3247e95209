package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

    /** Presses play and waits until the run finished (or diverged), and for the last grid and metrics. */
    static void train(Page page) {
        page.locator("[data-role=speed]").fill("9"); // fastest: the page's own pace is for watching
        page.locator("[data-role=play]").click();
        waitForMessage(page, "Finished|loss became");
        page.waitForTimeout(300);
    }

    /** Opens a page of the session, waits for it and trains it to the end. */
    static Page trainToEnd(BrowserSession session, String path) {
        Page page = session.open(path);
        waitReady(page);
        train(page);
        return page;
    }

    /** Loads a file through the save-and-load picker; answers what the page made of it ({kind, ...} or {error}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> restore(Page page, Path file) {
        page.evaluate("() => { window.restoreResult = undefined; }");
        page.setInputFiles("[data-role=file]", file);
        page.waitForFunction("() => window.restoreResult !== undefined");
        return (Map<String, Object>) page.evaluate("() => window.restoreResult");
    }
}
