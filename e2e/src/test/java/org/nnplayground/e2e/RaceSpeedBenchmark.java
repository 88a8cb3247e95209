package org.nnplayground.e2e;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * A benchmark, not a test (it asserts nothing): the optimizer race's training speed in the engine alone, no page
 * drawing, with its four lanes in one worker against spread over two: updates per second at full speed, both
 * engines created side by side and measured alternately (7 × {@code step(5000)}, median), in each build. Run
 * after {@code mvn -DskipTests install}:
 * <pre>
 * mvn -q -pl e2e exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nnplayground.e2e.RaceSpeedBenchmark
 * </pre>
 */
public final class RaceSpeedBenchmark {
    private static final String MEASURE = "async (kind) => {"
            + "  const { createEngine, loadCatalog } = await import('/engine/nn-engine.js');"
            + "  const preset = { ...(await loadCatalog()).chapters['optimizer-race'] };"
            + "  delete preset.epochs; preset.steps = 1000000;"
            + "  const engines = {};"
            + "  for (const workers of [1, 2]) { engines[workers] = createEngine({ engine: kind, workers }); await engines[workers].init(preset); }"
            + "  const rates = { 1: [], 2: [] };"
            + "  for (let rep = 0; rep < 7; rep++) {"
            + "    for (const workers of [1, 2]) {"
            + "      const engine = engines[workers];"
            + "      const reply = new Promise((resolve) => engine.on('progress', resolve));"
            + "      const start = performance.now(); engine.step(5000); await reply;"
            + "      rates[workers].push(5000 / (performance.now() - start) * 1000);"
            + "    }"
            + "  }"
            + "  for (const engine of Object.values(engines)) engine.terminate();"
            + "  const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];"
            + "  return [median(rates[1]), median(rates[2])];"
            + "}";

    private RaceSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchmarkBrowser bench = new BenchmarkBrowser("nn-race-speed")) {
            Page page = bench.browser.newPage();
            page.navigate(bench.base());
            System.out.println("| build | one worker (updates/s) | two workers (updates/s) | ratio |");
            System.out.println("|---|---:|---:|---:|");
            for (String kind : List.of("wasm", "js")) {
                @SuppressWarnings("unchecked")
                List<Number> rates = (List<Number>) page.evaluate(MEASURE, kind);
                double one = rates.get(0).doubleValue();
                double two = rates.get(1).doubleValue();
                System.out.printf("| %s | %,.0f | %,.0f | %.2f× |%n", kind, one, two, two / one);
            }
        }
    }
}
