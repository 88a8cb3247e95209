package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: JSON {@code {"error": code, "message": text}} with the right
 * status, never a stack trace. Bad input from the core ({@link IllegalArgumentException}) is a 400.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
            ctx.status(HttpStatus.BAD_REQUEST).json(body("bad_request", e.getMessage()));
        });
        config.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status).json(body(e.code, e.getMessage())));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "payload_too_large" : "http_" + status;
            String message = status == 413 ? "the request body is larger than " + PlaygroundApp.MAX_BODY_BYTES + " bytes"
                    : e.getMessage();
            ctx.status(status).json(body(code, message));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body("internal_error", "the server failed to handle this request"));
        });
        config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                ctx.json(body("not_found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message == null ? code : message);
        return body;
    }
}
