package org.nnplayground.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;

/**
 * A benchmark, not a test (it asserts nothing): how long each page takes from navigation until it can train
 * (the "nn-ready" performance mark the pages set when they first announce "ready"), and how many bytes it
 * transfers, with a cold cache (a fresh browser context) and a warm one (the same context, reloaded). The real
 * server and Debian's Chromium, as in the browser tests. Run after {@code mvn -DskipTests install}:
 * <pre>
 * mvn -q -pl e2e exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nnplayground.e2e.StartupBenchmark [-Dexec.args=5]
 * </pre>
 */
public final class StartupBenchmark {
    private static final List<String> PAGES = List.of("regression", "classification", "nets", "saveload", "descent",
            "race", "playground");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Javalin server = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-startup")))
                .start("127.0.0.1", 0);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")));
            String base = "http://127.0.0.1:" + server.port() + "/";
            System.out.println("| page | ready, cold cache (ms) | transferred cold (KB) | ready, warm cache (ms) | transferred warm (KB) |");
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
                        cold.add(readyAfter(page, base + name + ".html"));
                        coldBytes = bytes.getAndSet(0);
                        warm.add(readyAfter(page, base + name + ".html"));
                        warmBytes = bytes.get();
                    }
                }
                System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f |%n", name, median(cold), coldBytes / 1024.0,
                        median(warm), warmBytes / 1024.0);
            }
            browser.close();
        } finally {
            server.stop();
        }
    }

    /** Navigates and answers the milliseconds from navigation to the page's first "ready". */
    private static double readyAfter(Page page, String url) {
        page.navigate(url);
        page.waitForFunction("() => performance.getEntriesByName('nn-ready').length > 0");
        return ((Number) page.evaluate("() => performance.getEntriesByName('nn-ready')[0].startTime")).doubleValue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
