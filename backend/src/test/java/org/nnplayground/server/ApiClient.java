package org.nnplayground.server;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP requests to a running app, for route tests. */
final class ApiClient {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ApiClient() {
    }

    /** A body goes as the route takes it: CSV to /api/datasets, JSON elsewhere. */
    static HttpResponse<String> send(Javalin app, String method, String path, String body) throws Exception {
        return send(app, method, path, body, path.startsWith("/api/datasets") ? "text/csv" : "application/json", null);
    }

    /** A job's server-sent event stream read to its end: each event's name and data. */
    static java.util.List<String[]> events(Javalin app, String jobId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/jobs/" + jobId + "/events"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        java.util.List<String[]> events = new java.util.ArrayList<>();
        try (java.io.BufferedReader reader = new java.io.BufferedReader(
                new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name, line.substring(5).trim()});
                }
            }
        }
        return events;
    }

    /** With the body's content type (null for none) and an Authorization header (null for none). */
    static HttpResponse<String> send(Javalin app, String method, String path, String body, String contentType, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
