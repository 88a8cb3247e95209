package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;

/**
 * Each write takes its body in one content type: JSON as {@code application/json}, CSV as {@code text/csv}.
 * Beyond clarity this closes a door: a page of another origin may send {@code text/plain} or form bodies
 * without asking the server first (a "simple" request, no CORS preflight), but not these types.
 */
final class BodyTypes {
    private static final Map<String, String> REQUIRED = Map.of(
            "/api/train", "application/json",
            "/api/jobs", "application/json",
            "/api/models", "application/json",
            "/api/datasets", "text/csv");

    private BodyTypes() {
    }

    static void register(JavalinConfig config) {
        config.routes.before("/api/*", BodyTypes::check);
    }

    private static void check(Context ctx) {
        String required = REQUIRED.get(ctx.path());
        if (required == null || !ctx.method().name().equals("POST")) {
            return;
        }
        String sent = ctx.header("Content-Type");
        String type = sent == null ? "" : sent.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(required)) {
            throw new ApiException(415, "unsupported_media_type", "send the body of POST " + ctx.path() + " as " + required
                    + (sent == null ? " (no Content-Type was given)" : ", not " + type));
        }
    }
}
