package org.nnplayground.server;

/** An error with its HTTP status and code, turned into JSON by {@link ErrorResponses}. */
final class ApiException extends RuntimeException {
    final int status;
    final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }
}
