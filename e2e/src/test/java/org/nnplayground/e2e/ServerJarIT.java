package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nnplayground.server.PlaygroundApp;
import org.nnplayground.server.ServerSettings;

/** The runnable jar carries the built site once and none of the browser-only classes; the server serves both engines. */
class ServerJarIT {
    private static final Path JAR = Paths.get(System.getProperty("server.jar", "../backend/target/nn-playground.jar"));

    @Test
    void theJarShipsTheSiteOnceAndNoBrowserOnlyClasses() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
            assertTrue(names.contains("webapp/engine/nn.wasm"), "the WebAssembly engine is in the jar");
            assertTrue(names.contains("webapp/engine/nn.js"), "the JavaScript engine is in the jar");
            assertEquals(1, names.stream().filter(n -> n.endsWith("chart.umd.min.js")).count(),
                    "Chart.js once: " + names.stream().filter(n -> n.contains("chart")).collect(Collectors.toList()));
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("org/nnplayground/web/")).collect(Collectors.toList()),
                    "the engine's Java classes live in nn.wasm and nn.js, not in the server");
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("META-INF/resources/webjars/")).collect(Collectors.toList()));
        }
    }

    @Test
    void theServerServesBothEnginesWithTheirTypes() throws Exception {
        var app = PlaygroundApp.create(ServerSettings.forTests(Files.createTempDirectory("nn-jar"))).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<byte[]> wasm = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/engine/nn.wasm")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, wasm.statusCode());
            assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<byte[]> js = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/engine/nn.js")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, js.statusCode());
        } finally {
            app.stop();
        }
    }
}
