package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Long caching for the site's files. The build names each build of the site by a hash of its files
 * ({@code engine/version.txt}) and the pages ask for their scripts, style sheets and engine with {@code ?v=hash};
 * an answer to exactly that may be kept a year without asking again ({@code immutable}). Anything else (a page,
 * no version, an old one) keeps the static files' default: revalidate every time, with the ETag making that a
 * 304 when nothing changed.
 */
final class SiteCaching {
    static final String LONG = "public, max-age=31536000, immutable";

    private SiteCaching() {
    }

    /** The version the site on the classpath was built with, or null for a site built without one. */
    static String siteVersion() {
        try (InputStream in = SiteCaching.class.getResourceAsStream("/webapp/engine/version.txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void register(JavalinConfig config, String version) {
        if (version == null || version.isEmpty()) {
            return;
        }
        config.routes.after(ctx -> {
            if (version.equals(ctx.queryParam("v")) && ctx.status().getCode() == 200 && isVersionedFile(ctx.path())) {
                ctx.header("Cache-Control", LONG);
            }
        });
    }

    /** A file the version's hash covers: not a page (pages are not hashed) and not the API. */
    private static boolean isVersionedFile(String path) {
        return !path.startsWith("/api/") && !path.endsWith("/") && !path.endsWith(".html");
    }
}
