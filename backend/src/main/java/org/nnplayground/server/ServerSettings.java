package org.nnplayground.server;

import java.nio.file.Path;

/**
 * How the server runs: host and port to listen on, and the folder for its data. Each comes from a
 * command-line flag, else an environment variable, else a default (0.0.0.0:7070, ./nn-playground-data).
 */
public record ServerSettings(String host, int port, Path dataDir) {
    public static final int DEFAULT_PORT = 7070;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
    }

    /** Settings for tests: loopback, a free port, the given data folder. */
    public static ServerSettings forTests(Path dataDir) {
        return new ServerSettings("127.0.0.1", 0, dataDir);
    }
}
