package org.nnplayground.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.nnplayground.text.CodedError;

/**
 * The one place errors become responses: JSON {@code {"error": code, "message": text}} (and the message's
 * parameters, so a page can say it in its reader's language) with the right status, never a stack trace. Bad
 * input from the core ({@link IllegalArgumentException}) is a 400.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String ANSWERED = "nn.errorAnswered";

    private ErrorResponses() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
            Map<String, Object> body = body("bad_request", e.getMessage());
            if (e instanceof CodedError coded) { // its code and parameters, so a page can say it in its reader's language
                body.put("code", coded.code());
                body.put("params", coded.params());
            }
            ctx.status(HttpStatus.BAD_REQUEST).json(body);
        });
        config.routes.exception(JacksonException.class, (e, ctx) -> {
            ctx.status(HttpStatus.BAD_REQUEST).json(body("bad_request", bodyProblem(e)));
        });
        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds > 0) {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds));
            }
            if (e.status >= 500) {
                LOG.warn("{} {}: {} ({})", ctx.method(), ctx.path(), e.code, e.getCause() == null ? "" : e.getCause().getMessage());
            }
            Map<String, Object> body = body(e.code, e.getMessage());
            if (!e.params.isEmpty()) {
                body.put("params", e.params);
            }
            ctx.attribute(ANSWERED, true); // a 404 of a route's own ("no model with id ..."), not a missing endpoint
            ctx.status(e.status).json(body);
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "payload_too_large" : "http_" + status;
            String message = status == 413 ? "the request body is larger than " + PlaygroundApp.MAX_BODY_BYTES + " bytes"
                    : e.getMessage();
            Map<String, Object> body = body(code, message);
            if (status == 413) {
                body.put("params", Map.of("limit", PlaygroundApp.MAX_BODY_BYTES));
            }
            ctx.status(status).json(body);
        });
        // The HTTP layer's refusals met while reading a body (a body slower than the minimum data rate: 408).
        config.routes.exception(org.eclipse.jetty.http.BadMessageException.class, (e, ctx) -> {
            LOG.info("{} {}: {}", ctx.method(), ctx.path(), e.getReason());
            ctx.status(e.getCode()).json(body("http_" + e.getCode(), e.getCode() == 408
                    ? "the request body came too slowly (under " + PlaygroundApp.MIN_BODY_BYTES_PER_SECOND + " bytes a second)"
                    : e.getReason()));
        });
        // A body that ended early: the client went away mid-upload, or its chunked encoding was broken. Not the
        // server's failure: one line in the log (no stack trace), and a 400 in case anyone is still listening.
        config.routes.exception(java.io.IOException.class, (e, ctx) -> {
            LOG.info("{} {}: the request body ended early ({})", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(HttpStatus.BAD_REQUEST).json(body("incomplete_body",
                    "the request body ended before it was complete (the upload was cut off, or its chunked encoding is broken)"));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body("internal_error", "the server failed to handle this request"));
        });
        config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                ctx.json(body("not_found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    /** What is wrong with a request body Jackson could not read into its record, without Jackson's internals. */
    private static String bodyProblem(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "the body has an unknown key \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof MismatchedInputException mismatched) {
            String path = mismatched.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : String.valueOf(ref.getIndex())).collect(Collectors.joining("."));
            return path.isEmpty() ? "the body must be a JSON object" : "the body's \"" + path + "\" has the wrong type";
        }
        return "the body is not valid JSON";
    }

    static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message == null ? code : message);
        return body;
    }
}
