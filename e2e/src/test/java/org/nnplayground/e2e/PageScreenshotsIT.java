package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page on a laptop (1280 px) and a phone (360 px), before and after training (with the network view open,
 * a hidden unit chosen and, where there are diagnostics, their panel open), saved to target/screenshots for a
 * person to look at; each must fit its width and train to the end without an error.
 */
class PageScreenshotsIT {
    private static final List<String> TRAINING = List.of("regression", "classification", "saveload", "race", "playground");
    private static final List<String> OTHERS = List.of("index", "nets", "descent");
    private static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
    }

    @AfterAll
    static void stop() {
        assertEquals(List.of(), session.consoleErrors, "no console errors");
        session.close();
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/" + name + ".png")).setFullPage(true));
    }

    private static void fits(Page page, int width, String name) {
        int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertTrue(scrollWidth <= width, name + " is " + scrollWidth + " px wide on a " + width + " px screen");
    }

    @Test
    void everyTrainingPageBeforeAndAfterTrainingOnALaptopAndAPhone() {
        for (int width : new int[] {1280, 360}) {
            for (String chapter : TRAINING) {
                Page page = session.open("/" + chapter + ".html");
                page.setViewportSize(width, width == 360 ? 740 : 900);
                page.reload(); // the page starts as it would on this screen
                PageSteps.waitReady(page);
                fits(page, width, chapter);
                if (width == 360) {
                    // On a phone the settings fold away, so the charts follow the controls.
                    assertThat(page.locator("[data-field=dataset]")).isHidden();
                } else {
                    assertThat(page.locator("[data-field=dataset]")).isVisible();
                }
                shoot(page, chapter + "-" + width + "-before");
                if (page.locator("[data-role=diagnostics]").count() > 0) {
                    page.locator("[data-role=diagnostics] > summary").click(); // shown after training
                }
                PageSteps.train(page);
                PageSteps.waitForMessage(page, "^Finished");
                fits(page, width, chapter);
                if (chapter.equals("playground")) {
                    String accuracy = page.locator("[data-role=accuracy]").textContent();
                    assertTrue(Double.parseDouble(accuracy.replace("%", "").trim()) >= 95,
                            "the playground's opening run learns its spiral on its own: " + accuracy);
                }
                // A hidden unit chosen: its picture large beside the data chart.
                page.locator("rect.unit[data-column='1'][data-unit='0']").click(new com.microsoft.playwright.Locator.ClickOptions().setForce(true));
                assertThat(page.locator("[data-role=unit-panel]")).isVisible();
                fits(page, width, chapter);
                shoot(page, chapter + "-" + width + "-after");
                page.close();
            }
        }
    }

    @Test
    void everyOtherPageOnALaptopAndAPhone() {
        for (int width : new int[] {1280, 360}) {
            for (String name : OTHERS) {
                Page page = session.open("/" + name + ".html");
                page.setViewportSize(width, width == 360 ? 740 : 900);
                page.reload();
                PageSteps.waitDrawn(page, name);
                fits(page, width, name);
                shoot(page, name + "-" + width);
                page.close();
            }
        }
    }

    /** The benchmark page (BENCHMARKS.md) works: it measures every training page while it trains. */
    @Test
    void theBenchmarkPageMeasuresEveryTrainingPageWhileItTrains() {
        Page page = session.open("/bench/pages.html");
        page.setViewportSize(1400, 1000);
        page.locator("[data-role=seconds]").fill("1");
        page.locator("[data-role=start]").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-role=status]")).hasText("Done.",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        for (String chapter : TRAINING) {
            for (String network : List.of("closed", "open")) {
                List<String> cells = page.locator("tr[data-page=" + chapter + "]").filter(
                        new com.microsoft.playwright.Locator.FilterOptions().setHasText(network)).locator("td").allTextContents();
                assertTrue(Double.parseDouble(cells.get(3)) > 0, chapter + " frames: " + cells);
                assertTrue(Integer.parseInt(cells.get(7)) > 0, chapter + " trained while measured: " + cells);
            }
        }
        page.close();
    }
}
