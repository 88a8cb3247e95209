package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Headers on every response: no MIME sniffing, and a Content-Security-Policy that lets pages load
 * only the site's own scripts, workers, styles and data, with {@code frame-ancestors} configurable: the
 * embed view (any page opened with {@code ?embed=1}) by default any site may frame, the rest only the site itself. 'wasm-unsafe-eval' lets the WebAssembly engine compile;
 * 'unsafe-eval' is there because TeaVM's WebAssembly loader looks up JavaScript globals with
 * {@code new Function} (without it the engine fails to load, as the browser tests show).
 * Cross-origin requests get CORS headers (Javalin's plugin) only for origins configured explicitly.
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
        String embedPolicy = contentSecurityPolicy(settings.embedAncestors());
        config.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            // The embed view (?embed=1, the address embed.js gives its frames) may be framed by other sites; it
            // offers nothing that changes the server's data (see WriteGuard). Everything else keeps frameAncestors.
            ctx.header("Content-Security-Policy", "1".equals(ctx.queryParam("embed")) ? embedPolicy : policy);
            ctx.header("Referrer-Policy", "same-origin");
            // Tells pages that a server is behind them (the static site alone has none), without a failing request.
            ctx.header("X-NN-Playground", "server");
        });
        List<String> origins = settings.corsOrigins();
        if (!origins.isEmpty()) {
            // Javalin's own CORS plugin: the configured origins only, preflights answered for every method.
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                for (String origin : origins) {
                    rule.allowHost(origin);
                }
            }));
        }
    }
}
