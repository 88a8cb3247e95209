package org.nnplayground.server;

/** An error with its HTTP status and code, turned into JSON by {@link ErrorResponses}. */
final class ApiException extends RuntimeException {
    final int status;
    final String code;
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

    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }
}
