package org.nnplayground.e2e;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * A benchmark, not a test (it asserts nothing): the optimizer race's training speed in the engine alone, no page
 * drawing, with its four lanes in one worker against spread over two: updates per second at full speed, in each
 * build. Each engine is measured alone in the page (created, warmed up, 5 × {@code step(5000)}, median, ended),
 * one worker then two, three rounds: with both engines alive at once, the idle one's garbage collector worked
 * while the other was measured, and on two cores that took from the two-worker run only. Run after
 * {@code mvn -DskipTests install}:
 * <pre>
 * mvn -q -pl e2e exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nnplayground.e2e.RaceSpeedBenchmark
 * </pre>
 */
public final class RaceSpeedBenchmark {
    private static final String MEASURE = "async ([kind, workers]) => {"
            + "  const { createEngine, loadCatalog } = await import('/engine/nn-engine.js');"
            + "  const preset = { ...(await loadCatalog()).chapters['optimizer-race'] };"
            + "  delete preset.epochs; preset.steps = 1000000;"
            + "  const engine = createEngine({ engine: kind, workers });"
            + "  await engine.init(preset);"
            + "  let answered;"
            + "  engine.on('progress', (m) => answered(m));"
            + "  const step = (n) => new Promise((resolve) => { answered = resolve; engine.step(n); });"
            + "  await step(5000);"
            + "  const rates = [];"
            + "  for (let rep = 0; rep < 5; rep++) {"
            + "    const start = performance.now(); await step(5000);"
            + "    rates.push(5000 / (performance.now() - start) * 1000);"
            + "  }"
            + "  engine.terminate();"
            + "  return rates.sort((a, b) => a - b)[2];"
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
                for (int round = 0; round < 3; round++) {
                    double one = ((Number) page.evaluate(MEASURE, List.of(kind, 1))).doubleValue();
                    double two = ((Number) page.evaluate(MEASURE, List.of(kind, 2))).doubleValue();
                    System.out.printf("| %s | %,.0f | %,.0f | %.2f× |%n", kind, one, two, two / one);
                }
            }
        }
    }
}
