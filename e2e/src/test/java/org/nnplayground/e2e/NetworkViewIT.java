package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.nn.StateDict;
import org.nnplayground.run.Diagnostics;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;

/** The network view in a real browser: the diagram is the network, its numbers are the engine's, and it lives. */
class NetworkViewIT {
    private static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
    }

    @AfterAll
    static void stop() throws Exception {
        assertEquals(List.of(), session.consoleErrors, "no console errors");
        session.close();
    }

    private static Locator svg(Page page) {
        return page.locator("[data-role=network-svg]");
    }

    @Test
    void theDiagramHasAnEdgePerWeightAndAHoveredEdgeShowsTheExportedWeight() throws Exception {
        Page page = session.open("/playground.html#v=1&dataset=xor&layers=4-3&steps=60");
        PageSteps.waitReady(page);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.REGION,
                new Page.GetByRoleOptions().setName(Pattern.compile("^Network")))).isVisible();
        assertThat(svg(page).locator("line.weight")).hasCount(2 * 4 + 4 * 3 + 3 * 2);
        assertThat(svg(page).locator("rect.unit")).hasCount(2 + 4 + 3 + 2);
        assertThat(page.locator("[data-role=network-summary]")).hasText("2 inputs → 4 ReLU → 3 ReLU → 2 outputs; 35 weights and biases.");
        Locator map = page.locator("[data-role=network-canvas]");
        byte[] before = map.screenshot();
        PageSteps.train(page);

        Download download = page.waitForDownload(() -> page.locator("[data-role=save-state-dict]").click());
        Path file = Files.createTempFile("nn-state-dict", ".json");
        download.saveAs(file);
        StateDict exported = StateDictFile.read(Files.readString(file));
        Locator tip = page.locator("[data-role=network-tip]");
        for (int edge : new int[] {0, 9, 25}) {
            svg(page).locator("line.weight").nth(edge).hover(new Locator.HoverOptions().setForce(true));
            assertThat(tip).hasAttribute("data-name", Pattern.compile("\\d\\.weight\\[\\d, \\d\\]"));
            Matcher name = Pattern.compile("(\\d\\.weight)\\[(\\d), (\\d)\\]").matcher(tip.getAttribute("data-name"));
            assertTrue(name.matches());
            var tensor = exported.get(name.group(1));
            double expected = tensor.toArray()[Integer.parseInt(name.group(2)) * tensor.size(1) + Integer.parseInt(name.group(3))];
            assertEquals(expected, Double.parseDouble(tip.getAttribute("data-value")), "edge " + edge + " is " + name.group());
        }
        assertFalse(Arrays.equals(before, map.screenshot()), "the units' pictures changed with training");
        page.close();
    }

    /** Regression's "ten bent lines added up": the drawn parts and the output bias sum to the drawn fit. */
    @Test
    void theRegressionFitIsDrawnAsTheSumOfItsHiddenUnitsParts() {
        Page page = session.open("/regression.html");
        PageSteps.waitReady(page);
        page.locator("[data-role=parts]").check();
        PageSteps.train(page);
        Object check = page.evaluate("() => { const chart = Chart.getChart(document.querySelector('[data-role=data-chart]'));"
                + " const parts = chart.data.datasets.filter((d) => d.role === 'part');"
                + " const bias = parts.pop().data[0].y;"
                + " const fit = chart.data.datasets.find((d) => d.role === 'fit').data;"
                + " let worst = 0; let bent = 0;"
                + " fit.forEach((point, i) => { const sum = parts.reduce((s, d) => s + d.data[i].y, bias);"
                + "   if (parts[0].data[i].x !== point.x) worst = Infinity;"
                + "   worst = Math.max(worst, Math.abs(sum - point.y)); });"
                + " parts.forEach((d) => { if (d.data.some((p) => p.y === 0)) bent++; });"
                + " return [parts.length, fit.length, worst, bent]; }");
        List<?> numbers = (List<?>) check;
        assertEquals(10, ((Number) numbers.get(0)).intValue(), "a part per hidden unit");
        assertEquals(100, ((Number) numbers.get(1)).intValue());
        assertTrue(((Number) numbers.get(2)).doubleValue() < 1e-12, "the parts add up to the fit: " + numbers);
        assertTrue(((Number) numbers.get(3)).intValue() > 0, "ReLU's parts are bent: flat at zero on one side");
        page.locator("[data-role=parts]").uncheck();
        assertEquals(0, ((Number) page.evaluate("() => Chart.getChart(document.querySelector('[data-role=data-chart]'))"
                + ".data.datasets.filter((d) => d.role === 'part').length")).intValue(), "unticked, the parts go");
        page.close();
    }

    @Test
    void theKeyboardWalksUnitsAndWeightsAndAUnitOpensLarge() {
        Page page = session.open("/classification.html");
        PageSteps.waitReady(page);
        assertThat(svg(page).locator("line.weight")).hasCount(2 * 10 + 10 * 2);
        page.locator("[data-role=network] summary").focus();
        page.keyboard().press("Tab");
        Locator first = svg(page).locator("rect.unit[data-column='0'][data-unit='0']");
        assertThat(first).isFocused();
        Locator tip = page.locator("[data-role=network-tip]");
        assertThat(tip).containsText("input x1");
        page.keyboard().press("ArrowDown");
        assertThat(svg(page).locator("rect.unit[data-column='0'][data-unit='1']")).isFocused();
        page.keyboard().press("ArrowRight");
        assertThat(svg(page).locator("line.weight:focus")).hasCount(1);
        assertThat(tip).containsText("0.weight[0, 1] = ");
        page.keyboard().press("ArrowDown");
        assertThat(tip).containsText("0.weight[1, 1] = ");
        page.keyboard().press("ArrowRight");
        assertThat(svg(page).locator("rect.unit[data-column='1'][data-unit='1']")).isFocused();
        assertThat(tip).containsText("hidden layer 1, unit 2 (ReLU) · 0.bias[1] = ");
        page.keyboard().press("Space");
        assertThat(page.locator("[data-role=unit-caption]")).containsText("hidden layer 1, unit 2 (ReLU)");
        // Large, beside the data chart (to its right, level with it), until closed.
        Locator panel = page.locator("[data-role=unit-panel]");
        assertThat(panel).isVisible();
        // The chart's box, not its canvas: Chart.js resizes the canvas a frame after the box shrinks.
        var chart = page.locator("[data-role=data-chart]").locator("..").boundingBox();
        var large = panel.boundingBox();
        assertTrue(large.x >= chart.x + chart.width - 1 && large.y < chart.y + chart.height && large.y + large.height > chart.y,
                "the large picture sits beside the data chart: chart " + chart.x + "+" + chart.width + ", picture at " + large.x);
        page.locator("[data-role=unit-close]").click();
        assertThat(panel).isHidden();
        // The space bar on a unit opens it; it does not start training.
        assertThat(page.locator("[data-role=message]")).hasText(Pattern.compile("^Ready"));
        page.close();
    }

    /**
     * The Diagnostics panel shows the core's figures for the lane chosen: the JVM, given the page's downloaded
     * run settings, computes the same norms, update sizes, dead units and histogram counts to the last digit.
     * The dead units are the ones the diagram outlines.
     */
    @Test
    void theDiagnosticsAreTheCoresForTheChosenLaneAndTheDeadUnitsAreOutlined() throws Exception {
        Page page = session.open("/race.html#v=1&steps=120");
        PageSteps.waitReady(page);
        Locator panel = page.locator("[data-role=diagnostics]");
        assertThat(panel).not().hasAttribute("open", "");
        panel.locator("summary").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.REGION,
                new Page.GetByRoleOptions().setName(Pattern.compile("^Diagnostics")))).isVisible();
        page.locator("[data-role=diagnostics-lane]").selectOption("3");
        page.locator("[data-role=network-lane]").selectOption("3");
        PageSteps.train(page);
        assertThat(page.locator("[data-role=diagnostics-step]")).hasText("120");

        page.locator("details.code summary").click();
        Download download = page.waitForDownload(() -> page.locator("[data-export=settings]").click());
        TrainingRun jvm = new TrainingRun(RunConfigJson.parse(Files.readString(download.path())));
        Diagnostics.of(jvm, 3); // watched from the start, as the page's panel was open before the run
        while (jvm.step()) {
            // to the end of the plan, as the page trained
        }
        List<?> layers = (List<?>) Diagnostics.of(jvm, 3).get("layers");
        Locator rows = page.locator("[data-role=diagnostics-rows] tr");
        assertThat(rows).hasCount(layers.size());
        int dead = 0;
        for (int l = 0; l < layers.size(); l++) {
            Map<?, ?> layer = (Map<?, ?>) layers.get(l);
            Locator row = rows.nth(l);
            assertEquals(layer.get("name"), row.getAttribute("data-layer"));
            assertEquals((Double) layer.get("weightNorm"), value(row, "weight-norm"), "layer " + l + " weight norm");
            assertEquals((Double) layer.get("gradNorm"), value(row, "grad-norm"), "layer " + l + " gradient norm");
            assertEquals((Double) layer.get("updateRatio"), value(row, "update-ratio"), "layer " + l + " update size");
            List<?> deadUnits = (List<?>) layer.get("deadUnits");
            if (deadUnits != null) {
                assertEquals(String.valueOf(deadUnits.size()), row.locator("[data-role=dead-units]").getAttribute("data-value"));
                dead += deadUnits.size();
            }
            for (String kind : List.of("activations", "gradients")) {
                int[] counts = (int[]) ((Map<?, ?>) layer.get(kind)).get("counts");
                assertEquals(Arrays.stream(counts).mapToObj(String::valueOf).collect(Collectors.joining(",")),
                        page.locator(".histogram-pair").nth(l).locator("[data-kind=" + kind + "]").getAttribute("data-counts"),
                        "layer " + l + " " + kind + " histogram");
            }
        }
        assertThat(svg(page).locator("rect.unit.dead")).hasCount(dead);
        System.out.printf("race, Adam's lane after 120 updates: %d dead units, update sizes %s%n", dead,
                layers.stream().map((l) -> String.valueOf(((Map<?, ?>) l).get("updateRatio"))).collect(Collectors.joining(", ")));
        page.close();
    }

    /**
     * The panel opened before the race's first update, which splits the lanes over workers: the lane on the helper
     * worker watches its updates from the start, so one update already has a size (it once had none until a later
     * diagnosis, and a fast run could end before one).
     */
    @Test
    void diagnosticsAskedBeforeTheSplitMeasureTheFirstUpdateOfEveryLane() {
        Page page = session.open("/race.html#v=1&steps=120");
        PageSteps.waitReady(page);
        page.locator("[data-role=diagnostics] summary").click();
        assertThat(page.locator("[data-role=diagnostics-step]")).hasText("0");
        assertThat(page.locator("[data-role=engine-workers]")).not().hasText("");
        page.locator("[data-role=step-button]").click();
        assertThat(page.locator("[data-role=step]")).hasText(Pattern.compile("^update 1 "));
        page.locator("[data-role=diagnostics-lane]").selectOption("3"); // Adam's lane, on the helper worker; asked now
        assertThat(page.locator("[data-role=diagnostics-step]")).hasText("1");
        Locator ratios = page.locator("[data-role=diagnostics-rows] tr [data-role=update-ratio]");
        assertThat(ratios.first()).not().hasAttribute("data-value", "");
        for (int l = 0; l < ratios.count(); l++) {
            assertTrue(value(page.locator("[data-role=diagnostics-rows] tr").nth(l), "update-ratio") > 0, "layer " + l);
        }
        // A step by hand is diagnosed at once, without waiting for the panel's pace.
        page.locator("[data-role=step-button]").click();
        assertThat(page.locator("[data-role=diagnostics-step]")).hasText("2");
        page.close();
    }

    private static double value(Locator row, String role) {
        return Double.parseDouble(row.locator("[data-role=" + role + "]").getAttribute("data-value"));
    }
}
