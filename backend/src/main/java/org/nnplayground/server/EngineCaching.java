package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Long caching for the engine's files. The build names each build of the engine by a hash of its files
 * ({@code engine/version.txt}) and the pages ask for them with {@code ?v=hash}; an answer to exactly that
 * may be kept a year without asking again ({@code immutable}). Anything else (no version, an old one) keeps
 * the static files' default: revalidate every time, with the ETag making that a 304 when nothing changed.
 */
final class EngineCaching {
    static final String LONG = "public, max-age=31536000, immutable";

    private EngineCaching() {
    }

    /** The version the site on the classpath was built with, or null for a site built without one. */
    static String siteVersion() {
        try (InputStream in = EngineCaching.class.getResourceAsStream("/webapp/engine/version.txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void register(JavalinConfig config, String version) {
        if (version == null || version.isEmpty()) {
            return;
        }
        config.routes.after("/engine/*", ctx -> {
            if (version.equals(ctx.queryParam("v")) && ctx.status().getCode() == 200) {
                ctx.header("Cache-Control", LONG);
            }
        });
    }
}
