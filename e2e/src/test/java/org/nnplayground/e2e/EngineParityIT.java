package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.probe.PortabilityProbe;

/**
 * In real Chromium, the WebAssembly and JavaScript builds of the core compute exactly what the JVM
 * computes in this same test run: the portability probe's text must be identical on all three.
 */
class EngineParityIT {
    private static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Map<String, String> engineCheck(int seed) {
        Page page = session.open("/check/engine-check.html?seed=" + seed);
        Map<String, String> outputs = PageSteps.engineCheckOutputs(page);
        page.close();
        return outputs;
    }

    @Test
    void wasmAndJavascriptBuildsMatchTheJvmBitForBit() {
        for (int seed : new int[] {7, 2026}) {
            Map<String, String> result = engineCheck(seed);
            String jvm = PortabilityProbe.run(seed);
            assertEquals(jvm, result.get("wasm"), "WebAssembly differs from the JVM for seed " + seed);
            assertEquals(jvm, result.get("js"), "JavaScript differs from the JVM for seed " + seed);
        }
        assertTrue(session.consoleErrors.isEmpty(), "console errors: " + session.consoleErrors);
    }

    @Test
    void landingPageLoadsWithoutConsoleErrors() {
        Page page = session.open("/");
        assertTrue(page.title().contains("NN Playground"));
        page.close();
        assertTrue(session.consoleErrors.isEmpty(), "console errors: " + session.consoleErrors);
    }
}
