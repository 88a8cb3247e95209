package org.nnplayground.server;

import java.nio.file.Path;

/**
 * How the server runs: host and port to listen on, and the folder for its data. Each comes from a
 * command-line flag, else an environment variable, else a default (0.0.0.0:7070, ./nn-playground-data).
 */
public record ServerSettings(String host, int port, Path dataDir, int maxJobs, int jobTimeLimitSeconds,
        String frameAncestors, String embedAncestors, java.util.List<String> corsOrigins, TrainingLimits limits,
        StoreSettings store, boolean behindProxy, String storeUrl) {
    public static final int DEFAULT_PORT = 7070;
    public static final int DEFAULT_MAX_JOBS = 2;
    public static final int DEFAULT_JOB_TIME_LIMIT_SECONDS = 300;

    public ServerSettings(String host, int port, Path dataDir) {
        this(host, port, dataDir, DEFAULT_MAX_JOBS, DEFAULT_JOB_TIME_LIMIT_SECONDS, "'self'", "*", java.util.List.of(),
                TrainingLimits.DEFAULTS, StoreSettings.DEFAULTS, false, null);
    }

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        corsOrigins = java.util.List.copyOf(corsOrigins);
        if (limits == null || limits.maxPoints() < 1 || limits.maxParameters() < 1 || limits.maxSteps() < 1
                || limits.maxActivations() < 1) {
            throw new IllegalArgumentException("the limits per run must be positive");
        }
        for (String sources : new String[] {frameAncestors, embedAncestors}) {
            checkSources(sources);
        }
        if (store == null) {
            throw new IllegalArgumentException("the store's settings are missing");
        }
        if (maxJobs < 1 || jobTimeLimitSeconds < 1) {
            throw new IllegalArgumentException("the job limits must be positive");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
    }

    /**
     * A CSP source expression as frame-ancestors takes it: 'self', 'none', *, a scheme (https:) or a host with an
     * optional scheme, port and path (https://*.example.org:8443/docs). Nothing else reaches the header: no
     * separators, quotes or line breaks.
     */
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
            "'self'|'none'|\\*|[a-zA-Z][a-zA-Z0-9+.-]*:|([a-zA-Z][a-zA-Z0-9+.-]*://)?(\\*|(\\*\\.)?[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*)"
            + "(:([0-9]{1,5}|\\*))?(/[A-Za-z0-9._~!$&()*+=:@%/-]*)?");

    private static void checkSources(String sources) {
        String example = "sources separated by spaces, e.g. 'self' https://docs.example.org";
        if (sources == null || sources.isBlank()) {
            throw new IllegalArgumentException("frame ancestors must be " + example);
        }
        for (String source : sources.trim().split(" +")) {
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("\"" + source.replaceAll("\\p{Cntrl}", "?") + "\" is not a frame ancestor source; "
                        + "give " + example);
            }
        }
    }

    /** Settings for tests: loopback, a free port, the given data folder. */
    public static ServerSettings forTests(Path dataDir) {
        return new ServerSettings("127.0.0.1", 0, dataDir);
    }

    /** The same settings with the store at this JDBC URL. */
    public ServerSettings withStoreUrl(String jdbcUrl) {
        return new ServerSettings(host, port, dataDir, maxJobs, jobTimeLimitSeconds, frameAncestors, embedAncestors, corsOrigins, limits,
                store, behindProxy, jdbcUrl);
    }

    /**
     * The model store's JDBC URL: the one given (--jdbc-url or NN_PLAYGROUND_JDBC_URL; PostgreSQL's
     * {@code jdbc:postgresql://host/db?user=...} works too), else SQLite in the data folder.
     */
    public String jdbcUrl() {
        String configured = storeUrl;
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("the data folder " + dataDir + " is a file; give --data a folder, or move the file away");
        }
        try {
            java.nio.file.Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create the data folder " + dataDir + ": " + e.getMessage());
        }
        return "jdbc:sqlite:" + dataDir.resolve("models.db").toAbsolutePath();
    }

    /** The same settings with other job limits. */
    public ServerSettings withJobs(int maximum, int timeLimitSeconds) {
        return new ServerSettings(host, port, dataDir, maximum, timeLimitSeconds, frameAncestors, embedAncestors, corsOrigins, limits, store, behindProxy, storeUrl);
    }

    /** The same settings with who may embed the site and which origins may call the API. */
    public ServerSettings withEmbedding(String ancestors, java.util.List<String> origins) {
        return new ServerSettings(host, port, dataDir, maxJobs, jobTimeLimitSeconds, ancestors, embedAncestors, origins, limits, store, behindProxy, storeUrl);
    }

    /** The same settings with who may frame the embed view (pages opened with ?embed=1). */
    public ServerSettings withEmbedAncestors(String ancestors) {
        return new ServerSettings(host, port, dataDir, maxJobs, jobTimeLimitSeconds, frameAncestors, ancestors, corsOrigins, limits, store, behindProxy, storeUrl);
    }

    /** The same settings with other limits per training run. */
    public ServerSettings withLimits(TrainingLimits runLimits) {
        return new ServerSettings(host, port, dataDir, maxJobs, jobTimeLimitSeconds, frameAncestors, embedAncestors, corsOrigins, runLimits, store, behindProxy, storeUrl);
    }

    /** The same settings with other rules for the model store. */
    public ServerSettings withStore(StoreSettings rules) {
        return new ServerSettings(host, port, dataDir, maxJobs, jobTimeLimitSeconds, frameAncestors, embedAncestors, corsOrigins, limits,
                rules, behindProxy, storeUrl);
    }

    /** The same settings behind a reverse proxy: the client's address is the one X-Forwarded-For names. */
    public ServerSettings withProxy(boolean proxied) {
        return new ServerSettings(host, port, dataDir, maxJobs, jobTimeLimitSeconds, frameAncestors, embedAncestors, corsOrigins, limits,
                store, proxied, storeUrl);
    }
}
