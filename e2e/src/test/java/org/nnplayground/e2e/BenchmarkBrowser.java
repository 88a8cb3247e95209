package org.nnplayground.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;

/** What the browser benchmarks (programs, not tests) run on: the real server and Debian's headless Chromium. */
final class BenchmarkBrowser implements AutoCloseable {
    final Javalin server;
    final Playwright playwright;
    final Browser browser;

    BenchmarkBrowser(String name) throws Exception {
        server = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory(name))).start("127.0.0.1", 0);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    /** The server's address, ending in "/". */
    String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        server.stop();
    }
}
