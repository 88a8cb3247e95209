package org.nnplayground.e2e;

import com.microsoft.playwright.Page;
import java.util.Map;

/** Drives the browser engine's JavaScript API (engine/nn-engine.js) from a test, inside a real page. */
final class BrowserTraining {
    private BrowserTraining() {
    }

    /**
     * Trains {@code configJson} to the end in a worker of the given engine and answers
     * {engine, done, error, states: [{history, parameters}...], metrics}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> trainToEnd(Page page, String engine, String configJson) {
        Object result = page.evaluate("async ([kind, configText]) => {"
                + "  const { createEngine } = await import('/engine/nn-engine.js');"
                + "  const engine = createEngine({ engine: kind });"
                + "  try {"
                + "    const ready = await engine.init(JSON.parse(configText));"
                + "    let received = 0;"
                + "    engine.on('progress', (m) => { received += m.losses[0].length; });"
                + "    const finished = new Promise((resolve) => {"
                + "      engine.on('done', (m) => resolve(m));"
                + "      engine.on('error', (m) => resolve(m));"
                + "    });"
                + "    engine.run();"
                + "    const end = await finished;"
                + "    const states = [];"
                + "    for (let k = 0; k < ready.info.optimizers.length; k++) {"
                + "      states.push((await engine.state(k)).state);"
                + "    }"
                + "    const metrics = (await engine.evaluate()).metrics;"
                + "    return { engine: ready.engine, end: end.type, error: end.message || null, step: end.step, states, metrics, received };"
                + "  } finally { engine.terminate(); }"
                + "}", java.util.List.of(engine, configJson));
        return (Map<String, Object>) result;
    }
}
