package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            Map<String, String> check = PageSteps.engineCheckOutputs(page);
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
            assertThat(chapter.locator("[data-role=server-panel]")).isHidden();
            chapter.close();
            assertTrue(browser.consoleErrors.isEmpty(), "console errors: " + browser.consoleErrors);
        }
    }
}
