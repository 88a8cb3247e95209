package org.nnplayground.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark, not a test (it asserts nothing): how long each page takes from navigation until it can train
 * (a trainer says "Ready", chapter 3 shows its parameter count, chapter 5 its four descents: what a visitor
 * sees), and how many bytes it transfers, with a cold cache (a fresh browser context) and warm (the same context
 * visiting again: the median of the second to fourth visits, by when the browser keeps compiled code too). The real server and Debian's Chromium, as in the browser tests. Run after
 * {@code mvn -DskipTests install}:
 * <pre>
 * mvn -q -pl e2e exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nnplayground.e2e.StartupBenchmark [-Dexec.args=5]
 * </pre>
 * With {@code -Dstartup.base=http://host:port/} it measures a server already running (another build, say);
 * {@code -Dstartup.pages=race,nets} measures only these pages.
 */
public final class StartupBenchmark {
    private static final List<String> PAGES = List.of(System.getProperty("startup.pages",
            "regression,classification,nets,saveload,descent,race,playground").split(","));
    private static final String TRAINER_READY = "() => (document.querySelector('[data-role=message]')?.textContent || '')"
            + ".startsWith('Ready')";
    private static final Map<String, String> READY = Map.of(
            "nets", "() => (document.querySelector('[data-role=count]')?.textContent || '').trim() !== ''",
            "descent", "() => document.querySelectorAll('[data-role=summary] [data-w]').length === 4");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (BenchmarkBrowser bench = new BenchmarkBrowser("nn-startup")) {
            Browser browser = bench.browser;
            String base = System.getProperty("startup.base", bench.base());
            System.out.println("| page | ready, cold cache (ms) | transferred cold (KB) | ready, warm cache (ms) | transferred warm, per visit (KB) |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String name : PAGES) {
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                long coldBytes = 0;
                long warmBytes = 0;
                for (int r = 0; r < runs; r++) {
                    try (BrowserContext context = browser.newContext()) {
                        AtomicLong bytes = new AtomicLong();
                        context.onRequestFinished(request -> {
                            var sizes = request.sizes();
                            bytes.addAndGet(sizes.responseBodySize + sizes.responseHeadersSize);
                        });
                        Page page = context.newPage();
                        String ready = READY.getOrDefault(name, TRAINER_READY);
                        cold.add(readyAfter(page, base + name + ".html", ready));
                        coldBytes = bytes.getAndSet(0);
                        List<Double> visits = new ArrayList<>();
                        for (int visit = 2; visit <= 4; visit++) {
                            visits.add(readyAfter(page, base + name + ".html", ready));
                        }
                        warm.add(median(visits));
                        warmBytes = bytes.get() / 3;
                    }
                }
                System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f |%n", name, median(cold), coldBytes / 1024.0,
                        median(warm), warmBytes / 1024.0);
            }
        }
    }

    /**
     * Navigates and answers the milliseconds from navigation until {@code ready} holds: the page checks it every
     * animation frame and notes the time itself, so the figure does not include Playwright's round trips.
     */
    private static double readyAfter(Page page, String url, String ready) {
        // From the commit on, so the check runs in the new document while it loads.
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        Object ms = page.evaluate("() => new Promise((resolve) => { const check = " + ready + ";"
                + " const poll = () => check() ? resolve(performance.now()) : requestAnimationFrame(poll); poll(); })");
        return ((Number) ms).doubleValue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
