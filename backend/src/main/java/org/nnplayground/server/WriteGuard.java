package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Who may change the server's state (save or delete models, store datasets, start jobs): its own pages, the
 * origins configured for CORS, and clients that are not browsers (the command line, scripts). Refused, with a
 * 403 in JSON, are writes that a browser says come from another site (Origin or Sec-Fetch-Site) and writes from
 * the embed view, which other sites may frame.
 *
 * <p>Why: the store has no accounts, so nothing here rides on a visitor's cookies, but a page of another
 * origin could still make a visitor's browser write (a form post needs no CORS permission, and a visitor's
 * browser may reach a server the other site cannot). A page framed by another site could be made to write
 * by tricking the visitor into clicking (clickjacking); the embed view therefore offers no write at all, and
 * the server refuses one whose Referer is an embed view (the site sends Referer to itself: same-origin policy).
 */
final class WriteGuard {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private WriteGuard() {
    }

    static void register(JavalinConfig config, List<String> corsOrigins) {
        config.routes.before("/api/*", ctx -> {
            if (isWrite(ctx)) {
                check(ctx, corsOrigins);
            }
        });
    }

    /** A request that changes the server's state: POST, PUT, PATCH or DELETE. */
    static boolean isWrite(Context ctx) {
        return WRITES.contains(ctx.method().name());
    }

    private static void check(Context ctx, List<String> corsOrigins) {
        String origin = ctx.header("Origin");
        boolean allowedOrigin = origin != null && corsOrigins.contains(origin);
        if (origin != null && !origin.equals("null") && !allowedOrigin && !sameHost(origin, ctx.host())) {
            throw forbidden("a page of " + origin + " may not change this server's data");
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (("cross-site".equals(site) || "same-site".equals(site)) && !allowedOrigin) {
            throw forbidden("a page of another site may not change this server's data");
        }
        if ("null".equals(origin) && !allowedOrigin) {
            throw forbidden("a sandboxed or opaque page may not change this server's data");
        }
        String referer = ctx.header("Referer");
        if (referer != null && isEmbedView(referer)) {
            throw forbidden("the embedded view cannot change the server's data; open the full page to save");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            return host != null && host.equalsIgnoreCase(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A page opened with ?embed=1 (the view other sites may frame). */
    static boolean isEmbedView(String url) {
        try {
            String query = URI.create(url).getRawQuery();
            return query != null && List.of(query.split("&")).contains("embed=1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden_origin", message);
    }
}
