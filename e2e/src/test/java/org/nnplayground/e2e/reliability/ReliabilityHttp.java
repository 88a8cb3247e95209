package org.nnplayground.e2e.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The suite's one way to send a request to a server on this machine, with a time after which it counts as a hang. */
final class ReliabilityHttp {
    /** An answer slower than this is a hang. */
    static final Duration HANG = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ReliabilityHttp() {
    }

    /** A request with its body's content type and owner key (each null for none). */
    static HttpResponse<String> send(int port, String method, String path, String contentType, String ownerKey,
            HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(HANG)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ownerKey != null) {
            request.header("Authorization", "Bearer " + ownerKey);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A text body (null for none) in the given content type. */
    static HttpResponse<String> send(int port, String method, String path, String contentType, String body) throws Exception {
        return send(port, method, path, contentType, null,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }
}
