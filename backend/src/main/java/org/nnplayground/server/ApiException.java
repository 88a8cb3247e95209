package org.nnplayground.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error with its HTTP status and code, turned into JSON by {@link ErrorResponses}. Its parameters (the numbers in
 * its message) go beside the message, so a page can say it in its reader's language ({@code server.<code>}).
 */
final class ApiException extends RuntimeException {
    final int status;
    final String code;
    final Map<String, Object> params = new LinkedHashMap<>();
    /** Seconds a client should wait before trying again (the Retry-After header), or 0 for none. */
    long retryAfterSeconds;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    ApiException retryAfter(long seconds) {
        retryAfterSeconds = seconds;
        return this;
    }

    ApiException with(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** No such thing: {@code what} is "model", "dataset" or "job". */
    static ApiException notFound(String what, String id, String message) {
        return new ApiException(404, "not_found", message).with("what", what).with("id", id);
    }
}
