package org.nnplayground.server;

import io.javalin.config.JavalinConfig;

/**
 * Headers on every response: no MIME sniffing, and a Content-Security-Policy that lets pages load
 * only the site's own scripts, workers, styles and data, with {@code frame-ancestors} configurable so
 * documentation sites can embed the playground. 'wasm-unsafe-eval' lets the WebAssembly engine compile;
 * 'unsafe-eval' is there because TeaVM's WebAssembly loader looks up JavaScript globals with
 * {@code new Function} (without it the engine fails to load, as the browser tests show).
 * Cross-origin requests get CORS headers only for origins configured explicitly.
 */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static String contentSecurityPolicy(String frameAncestors) {
        return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; worker-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors " + frameAncestors;
    }

    static void register(JavalinConfig config, ServerSettings settings) {
        String policy = contentSecurityPolicy(settings.frameAncestors());
        config.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", policy);
            ctx.header("Referrer-Policy", "same-origin");
            // Tells pages that a server is behind them (the static site alone has none), without a failing request.
            ctx.header("X-NN-Playground", "server");
            String origin = ctx.header("Origin");
            if (origin != null && settings.corsOrigins().contains(origin)) {
                ctx.header("Access-Control-Allow-Origin", origin);
                ctx.header("Vary", "Origin");
                ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "Content-Type");
            }
        });
        config.routes.options("/api/*", ctx -> ctx.status(204));
    }
}
