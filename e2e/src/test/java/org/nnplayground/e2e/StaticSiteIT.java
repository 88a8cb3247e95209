package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnplayground.e2e.PageSteps.waitForMessage;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.probe.PortabilityProbe;
import org.nnplayground.run.Scenarios;

/** The built site works from a plain static file server, with no backend: both engines load and train. */
class StaticSiteIT {
    @SuppressWarnings("unchecked")
    @Test
    void bothEnginesLoadAndTrainFromAPlainStaticServer() throws Exception {
        try (StaticSiteServer site = new StaticSiteServer(); BrowserSession browser = new BrowserSession()) {
            Page page = browser.openUrl(site.url("/check/engine-check.html?seed=3"));
            page.waitForFunction("() => window.engineCheck !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            Map<String, Object> check = (Map<String, Object>) page.evaluate("() => window.engineCheck");
            assertNull(check.get("wasmError"));
            assertEquals(PortabilityProbe.run(3), check.get("wasm"));
            assertEquals(PortabilityProbe.run(3), check.get("js"));
            for (String engine : List.of("wasm", "js")) {
                Map<String, Object> result = BrowserTraining.trainToEnd(page, engine, Scenarios.json("classification"));
                assertEquals("done", result.get("end"), engine);
                assertEquals(engine, result.get("engine"));
            }
            Object chart = page.evaluate("async () => { await new Promise((resolve, reject) => {"
                    + " const s = document.createElement('script'); s.src = '/vendor/chartjs/chart.umd.min.js';"
                    + " s.onload = resolve; s.onerror = reject; document.head.appendChild(s); });"
                    + " return typeof Chart; }");
            assertEquals("function", chart, "Chart.js ships inside the site");
            page.close();
            // A chapter page trains from the static site too; with no server, the server panel stays hidden.
            Page chapter = browser.openUrl(site.url("/saveload.html"));
            waitForMessage(chapter, "^Ready");
            chapter.locator("[data-role=play]").click();
            waitForMessage(chapter, "Finished");
            assertEquals(Boolean.TRUE, chapter.evaluate("() => document.querySelector('[data-role=server-panel]').hidden"));
            chapter.close();
            assertTrue(browser.consoleErrors.isEmpty(), "console errors: " + browser.consoleErrors);
        }
    }
}
