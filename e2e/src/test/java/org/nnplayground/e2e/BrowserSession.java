package org.nnplayground.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;
import org.nnplayground.server.StoreSettings;

/**
 * The real server on a free loopback port plus Debian's Chromium driven by Playwright (no browser is
 * downloaded). Console errors and page errors are collected so tests can insist there are none.
 */
final class BrowserSession implements AutoCloseable {
    private static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private final Javalin server;
    private final Playwright playwright;
    private final Browser browser;
    final List<String> consoleErrors = new ArrayList<>();

    BrowserSession() throws Exception {
        // The gallery on, so a test can see every stored model (GET /api/models?scope=all); the pages list their own.
        server = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-e2e"))
                .withStore(StoreSettings.DEFAULTS.withGallery(true))).start("127.0.0.1", 0);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A new page of the playground server; its console errors and uncaught exceptions land in {@link #consoleErrors}. */
    Page open(String path) {
        return openUrl(url(path));
    }

    /** A new page at any address, watched for console errors like {@link #open}. */
    Page openUrl(String address) {
        return openUrlRouted(address, null, null);
    }

    /** A page of the playground server in a browser whose languages are {@code locale} (say "zh-CN"). */
    Page openInLocale(String path, String locale) {
        return watched(browser.newContext(new Browser.NewContextOptions().setLocale(locale)).newPage(), url(path));
    }

    /** As {@link #openUrl}, with the documents matching {@code glob} answered by {@code html} instead. */
    Page openUrlRouted(String address, String glob, String html) {
        Page page = browser.newPage();
        if (glob != null) {
            page.route(glob, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setContentType("text/html").setBody(html)));
        }
        return watched(page, address);
    }

    private Page watched(Page page, String address) {
        page.onConsoleMessage((ConsoleMessage message) -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(address + ": " + message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(address + ": " + error));
        page.navigate(address);
        return page;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        server.stop();
    }
}
