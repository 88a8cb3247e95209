package org.nnplayground.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;

/** What the page tests do again and again on a training page: wait for it, train it to the end, load a file. */
final class PageSteps {
    private PageSteps() {
    }

    /** Until the engine is ready and the page says so. */
    static void waitReady(Page page) {
        page.waitForFunction("() => document.querySelector('[data-role=message]').textContent.startsWith('Ready')", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** Presses play and waits until the run finished (or diverged), and for the last grid and metrics. */
    static void train(Page page) {
        page.locator("[data-role=play]").click();
        page.waitForFunction("() => /Finished|loss became/.test(document.querySelector('[data-role=message]').textContent)",
                null, new Page.WaitForFunctionOptions().setTimeout(180_000));
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
