package org.nnplayground.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A teacher's lesson page on another origin (a second port) embeds the chapters with {@code <nn-playground>}
 * from the playground's server (and from a plain static host) and with an iframe: each chapter loads and trains,
 * fits its content at 1280 and 360 px, follows attribute and script changes, reports its events, and an
 * unknown chapter reports an error. A framed page of another origin cannot write to the model store.
 */
class EmbedIT {
    private static final LocatorAssertions.HasCountOptions LONG = new LocatorAssertions.HasCountOptions().setTimeout(120_000);
    private static final List<String> TRAINING = List.of("regression", "classification", "saveload", "race", "playground");
    private static BrowserSession session;
    private static StaticSiteServer staticSite;
    private static HttpServer lessons;
    private static final Map<String, String> PAGES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        session = new BrowserSession();
        staticSite = new StaticSiteServer();
        // The lesson pages' host: another origin (another port), knowing nothing of the playground.
        lessons = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lessons.createContext("/", exchange -> {
            String body = PAGES.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", exchange.getRequestURI().getPath().endsWith(".js")
                    ? "text/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        lessons.start();
        // What the lesson's own script hears: one line per event, the last state link and height kept.
        PAGES.put("/favicon.ico", "");
        PAGES.put("/log.js", """
                for (const element of document.querySelectorAll('nn-playground')) {
                  for (const type of ['ready', 'progress', 'done', 'error', 'state', 'resize']) {
                    element.addEventListener('nn-' + type, (event) => {
                      const log = document.getElementById('log');
                      let line = log.querySelector(`[data-id="${element.id}"][data-type="${type}"]`);
                      if (!line) {
                        line = document.createElement('li');
                        line.dataset.id = element.id;
                        line.dataset.type = type;
                        log.append(line);
                      }
                      line.textContent = element.id + ' ' + type + ' ' + JSON.stringify(event.detail);
                      if (event.detail.link) line.dataset.link = event.detail.link;
                    });
                  }
                }
                """);
    }

    @AfterAll
    static void stop() {
        // The refused writes of the store test are the only errors expected.
        assertEquals(List.of(), session.consoleErrors.stream().filter((e) -> !(e.contains("/store.html") && e.contains("status of 403")))
                .toList(), "no console errors");
        lessons.stop(0);
        staticSite.close();
        session.close();
    }

    private static String lessonUrl(String path) {
        return "http://127.0.0.1:" + lessons.getAddress().getPort() + path;
    }

    /** A lesson page with these elements (and whatever else), loading embed.js from {@code host}. */
    private static Page lesson(String name, String host, String body, int width) {
        PAGES.put("/" + name + ".html", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Lesson</title>"
                + "<style>body { font-family: sans-serif; max-width: 820px; margin: 0 auto; padding: 8px; } #log { word-break: break-all; }"
                + "</style></head><body>"
                + "<h1>A lesson</h1>" + body + "<ol id=\"log\"></ol>"
                + "<script src=\"" + host + "/embed.js\"></script><script src=\"log.js\"></script></body></html>");
        Page page = session.openUrl(lessonUrl("/" + name + ".html"));
        page.setViewportSize(width, 900);
        return page;
    }

    private static Locator event(Page page, String id, String type) {
        return page.locator("#log [data-id=\"" + id + "\"][data-type=\"" + type + "\"]");
    }

    /** The frame is as tall as its page's content (no inner scrollbar) and no wider than the lesson's column. */
    private static void fitsItsContent(Page page, String id, int width) {
        Locator frame = page.locator("#" + id + " iframe");
        FrameLocator inside = page.frameLocator("#" + id + " iframe");
        // In view, as a reader scrolls to it: Chromium pauses the rendering (and so the size reports) of frames
        // of another origin while they are off screen.
        frame.scrollIntoViewIfNeeded();
        // The height the frame's document asks for arrives a moment after any change: wait for them to agree.
        page.waitForCondition(() -> {
            double content = ((Number) inside.locator("html").evaluate("html => html.getBoundingClientRect().height")).doubleValue();
            double shown = ((Number) frame.evaluate("f => f.clientHeight")).doubleValue();
            return Math.abs(content - shown) <= 2;
        }, new Page.WaitForConditionOptions().setTimeout(20_000));
        Number inner = (Number) inside.locator("html").evaluate("html => html.scrollWidth - html.clientWidth");
        assertTrue(inner.intValue() <= 0, id + " scrolls sideways inside its frame at " + width + " px: " + inner);
        double frameWidth = ((Number) frame.evaluate("f => f.getBoundingClientRect().right")).doubleValue();
        assertTrue(frameWidth <= width, id + " reaches " + frameWidth + " px on a " + width + " px screen");
    }

    @Test
    void everyChapterEmbedsFromAnotherOriginTrainsAndFitsItsContent() {
        for (int width : new int[] {1280, 360}) {
            StringBuilder body = new StringBuilder();
            for (String chapter : List.of("regression", "classification", "nets", "saveload", "descent", "race", "playground")) {
                body.append("<h2>").append(chapter).append("</h2><nn-playground id=\"").append(chapter).append("\" chapter=\"")
                        .append(chapter).append("\"").append(TRAINING.contains(chapter) ? " speed=\"0\" steps=\"60\"" : "")
                        .append(" max-width=\"760\"></nn-playground>");
            }
            body.append("<nn-playground id=\"unknown\" chapter=\"deep-dream\"></nn-playground>");
            body.append("<iframe id=\"plain\" title=\"Gradient descent\" src=\"").append(session.url("/descent.html?embed=1#v=1&epochs=30"))
                    .append("\" width=\"100%\" height=\"640\" style=\"border: 0\"></iframe>");
            Page page = lesson("all-" + width, session.url(""), body.toString(), width);
            for (String chapter : List.of("regression", "classification", "nets", "saveload", "descent", "race", "playground")) {
                assertThat(event(page, chapter, "ready")).hasCount(1, LONG);
                fitsItsContent(page, chapter, width);
            }
            for (String chapter : TRAINING) {
                // The learner presses the frame's own Play; the lesson hears progress and the end.
                page.frameLocator("#" + chapter + " iframe").locator("[data-role=play]").click();
                assertThat(event(page, chapter, "done")).hasCount(1, LONG);
                assertThat(page.frameLocator("#" + chapter + " iframe").locator("[data-role=message]"))
                        .hasText(Pattern.compile("^Finished the planned 60 updates"));
                assertThat(event(page, chapter, "progress")).hasCount(1);
                fitsItsContent(page, chapter, width);
            }
            assertThat(page.frameLocator("#descent iframe").locator("[data-role=summary]")).containsText("w = ");
            assertThat(page.frameLocator("#nets iframe").locator("[data-role=count]")).hasText("31");
            // An unknown chapter: a message in its place and an error event, never another chapter.
            assertThat(page.locator("#unknown [role=alert]")).containsText("\"deep-dream\" is not a chapter");
            assertThat(event(page, "unknown", "error")).containsText("is not a chapter");
            assertThat(page.locator("#unknown iframe")).hasCount(0);
            // The plain iframe, for platforms without scripts.
            assertThat(page.frameLocator("#plain").locator("[data-role=summary]")).containsText("w = ");
            // Each chapter as the lesson shows it (one at a time, in view: a frame off screen is not painted).
            for (String chapter : List.of("regression", "classification", "nets", "saveload", "descent", "race", "playground")) {
                page.locator("#" + chapter).screenshot(new Locator.ScreenshotOptions()
                        .setPath(Paths.get("target/screenshots/embed-" + chapter + "-" + width + ".png")));
            }
            page.close();
        }
    }

    /** Where a platform allows no script: each chapter's embed view in a plain iframe loads, and trains. */
    @Test
    void everyChapterEmbedsAsAPlainIframeToo() {
        StringBuilder body = new StringBuilder();
        for (String chapter : List.of("regression", "classification", "nets", "saveload", "descent", "race", "playground")) {
            body.append("<iframe id=\"").append(chapter).append("\" title=\"").append(chapter).append("\" src=\"")
                    .append(session.url("/" + chapter + ".html?embed=1#v=1&speed=0&steps=40"))
                    .append("\" width=\"100%\" height=\"700\" style=\"border: 0\"></iframe>");
        }
        Page page = lesson("iframes", session.url(""), body.toString(), 1280);
        for (String chapter : TRAINING) {
            FrameLocator frame = page.frameLocator("#" + chapter);
            frame.locator("[data-role=play]").click();
            assertThat(frame.locator("[data-role=message]")).hasText(Pattern.compile("^Finished the planned 40 updates"),
                    new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        }
        assertThat(page.frameLocator("#descent").locator("[data-role=summary]")).containsText("w = ");
        assertThat(page.frameLocator("#nets").locator("[data-role=count]")).hasText("31");
        page.close();
    }

    @Test
    void attributesShowHideAndScriptChangesFollowTheControls() {
        Page page = lesson("options", session.url(""), "<nn-playground id=\"shown\" chapter=\"classification\" show=\"noise,lr\""
                + " noise=\"1.5\"></nn-playground><nn-playground id=\"demo\" chapter=\"regression\" controls=\"none\" autoplay"
                + " speed=\"0\" steps=\"40\"></nn-playground><nn-playground id=\"hidden\" chapter=\"playground\""
                + " hide=\"dataset,reset\"></nn-playground>", 1280);
        assertThat(event(page, "shown", "ready")).hasCount(1, LONG);
        FrameLocator shown = page.frameLocator("#shown iframe");
        assertThat(shown.locator(".settings [data-control]:visible")).hasCount(1); // noise; lr sits with the buttons
        assertThat(shown.locator("[data-control=noise]")).isVisible();
        assertThat(shown.locator("[data-control=lr]")).isVisible();
        assertThat(shown.locator("[data-control=layers]")).isHidden();
        assertThat(shown.locator("[data-field=noise]")).hasValue("1.5");
        // A pure demo: no controls, and it trains on its own.
        assertThat(event(page, "demo", "done")).hasCount(1, LONG);
        assertThat(page.frameLocator("#demo iframe").locator(".controls")).isHidden();
        // hide= removes named controls from the chapter's row and the buttons.
        assertThat(event(page, "hidden", "ready")).hasCount(1, LONG);
        FrameLocator hidden = page.frameLocator("#hidden iframe");
        assertThat(hidden.locator("[data-control=dataset]")).isHidden();
        assertThat(hidden.locator("[data-control=reset]")).isHidden();
        assertThat(hidden.locator("[data-control=layers]")).isVisible();
        assertThat(hidden.locator("[data-control=play]")).isVisible();

        // An attribute changed later applies like the control: the field, the frame's link and the element's state.
        page.locator("#shown").evaluate("element => element.setAttribute('lr', '0.07')");
        assertThat(shown.locator("[data-field=lr]")).hasValue("0.07");
        assertThat(event(page, "shown", "state")).hasAttribute("data-link", Pattern.compile("lr=0\\.07"));
        assertEquals(page.locator("#shown").evaluate("element => element.state"),
                page.frameLocator("#shown iframe").locator("html").evaluate("() => location.hash"));
        // set() from the lesson's script: a new network, as the layers field would start.
        page.locator("#shown").evaluate("element => element.set('layers', '4-3')");
        assertThat(shown.locator("[data-field=layers]")).hasValue("4-3");
        assertThat(event(page, "shown", "state")).hasAttribute("data-link", Pattern.compile("layers=4-3"));
        // An invalid value changes nothing and says why.
        page.locator("#shown").evaluate("element => element.set('lr', 'fast')");
        assertThat(event(page, "shown", "error")).containsText("\\\"fast\\\" is not a valid lr");
        assertThat(shown.locator("[data-field=lr]")).hasValue("0.07");
        // A new chapter attribute: a new frame of that chapter.
        page.locator("#shown").evaluate("element => element.setAttribute('chapter', 'descent')");
        assertThat(page.frameLocator("#shown iframe").locator("[data-role=summary]")).containsText("w = ");
        page.close();
    }

    /** The static site on any host (here the JDK's plain file server) embeds the same way. */
    @Test
    void embedJsWorksFromAPlainStaticHost() {
        String host = staticSite.url("").replaceAll("/$", "");
        Page page = lesson("static", host, "<nn-playground id=\"race\" chapter=\"race\" speed=\"0\" steps=\"30\"></nn-playground>", 1280);
        assertThat(event(page, "race", "ready")).hasCount(1, LONG);
        assertTrue(page.locator("#race iframe").getAttribute("src").startsWith(host + "/race.html?embed=1#"));
        page.locator("#race").evaluate("element => element.play()");
        assertThat(event(page, "race", "done")).hasCount(1, LONG);
        fitsItsContent(page, "race", 1280);
        page.close();
    }

    /**
     * The embed view offers no save, and the server refuses writes from it (its Referer) and from the lesson's
     * origin (Origin, Sec-Fetch-Site): after both tries, the store holds no model.
     */
    @Test
    void aFramedPageOfAnotherOriginCannotWriteToTheModelStore() throws Exception {
        Page page = lesson("store", session.url(""), "<nn-playground id=\"saveload\" chapter=\"saveload\"></nn-playground>", 1280);
        assertThat(event(page, "saveload", "ready")).hasCount(1, LONG);
        FrameLocator frame = page.frameLocator("#saveload iframe");
        assertThat(frame.locator("[data-role=server-panel]")).isHidden();
        String body = "{\"name\": \"planted\", \"checkpoint\": {}}";
        Object fromFrame = frame.locator("html").evaluate("async (html, body) => { const r = await fetch('api/models', "
                + "{ method: 'POST', headers: { 'Content-Type': 'application/json' }, body }); return [r.status, await r.text()]; }", body);
        assertEquals(403, ((Number) ((List<?>) fromFrame).get(0)).intValue(), String.valueOf(fromFrame));
        assertTrue(String.valueOf(((List<?>) fromFrame).get(1)).contains("embedded view cannot change"), String.valueOf(fromFrame));
        // The lesson page itself, as a form post would (no CORS needed for text/plain): sent, but refused.
        page.evaluate("async (url) => { try { await fetch(url, { method: 'POST', mode: 'no-cors', body: '{}' }); } catch (e) {} }",
                session.url("/api/models"));
        HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(session.url("/api/models?scope=all")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, models.statusCode(), models.body());
        assertEquals("[]", models.body().trim(), "the store holds no model (the test server's gallery lists every one)");
        page.close();
    }
}
