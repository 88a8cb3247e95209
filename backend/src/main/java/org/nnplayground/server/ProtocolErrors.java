package org.nnplayground.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors the HTTP layer answers before any route runs (a URI or headers too long, a malformed request): on
 * /api/ paths, or where the path could not even be read (then on any path), the API's JSON error ({"error": "http_431", ...})
 * instead of Jetty's HTML page; pages keep the HTML one.
 */
final class ProtocolErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String path = pathOf(request);
        // Jetty names a request too malformed to have a path (a URI too long, say) "/badMessage": no page is known.
        if (path != null && !path.startsWith("/api/") && !path.equals("/badMessage")) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        String reason = HttpStatus.getMessage(code);
        byte[] body = JSON.writeValueAsBytes(ErrorResponses.body("http_" + code,
                (reason == null ? "the request could not be read" : reason.toLowerCase(java.util.Locale.ROOT))
                        + (message != null && !message.equals(reason) ? ": " + message : "")));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String pathOf(Request request) {
        try {
            return request == null || request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
