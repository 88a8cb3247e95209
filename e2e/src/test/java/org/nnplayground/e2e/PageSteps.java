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

    /** Loads a file through the save-and-load picker; answers what the page made of it ({kind, ...} or {error}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> restore(Page page, Path file) {
        page.evaluate("() => { window.restoreResult = undefined; }");
        page.setInputFiles("[data-role=file]", file);
        page.waitForFunction("() => window.restoreResult !== undefined");
        return (Map<String, Object>) page.evaluate("() => window.restoreResult");
    }
}
