package org.nnplayground.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step, last: names this build of the engine by a hash of its files, so that they can be cached for good.
 * The hash goes into {@code nn-engine.js} (in place of its {@code 'dev'} placeholder), which then asks for the
 * worker, and the worker for everything else, with {@code ?v=hash}; and into {@code engine/version.txt}, from
 * which the server learns which {@code ?v=} is current (those answers it lets browsers keep a year). A changed
 * file gives a new hash, so a browser never keeps a stale engine.
 */
public final class EngineVersion {
    static final String PLACEHOLDER = "const ENGINE_VERSION = 'dev';";

    private EngineVersion() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EngineVersion <the site's engine folder>");
        }
        Path folder = Path.of(args[0]);
        Path api = folder.resolve("nn-engine.js");
        String script = Files.readString(api, StandardCharsets.UTF_8);
        if (!script.contains(PLACEHOLDER)) {
            // Already stamped (an incremental build): stamp again from the original only if the files changed.
            script = script.replaceFirst("const ENGINE_VERSION = '[0-9a-f]+';", PLACEHOLDER);
        }
        String version = hash(folder, script);
        Files.writeString(api, stamp(script, version), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("version.txt"), version + "\n", StandardCharsets.UTF_8);
    }

    static String stamp(String script, String version) {
        if (!script.contains(PLACEHOLDER)) {
            throw new IllegalStateException("nn-engine.js has no line " + PLACEHOLDER);
        }
        return script.replace(PLACEHOLDER, "const ENGINE_VERSION = '" + version + "';");
    }

    /** The first 16 hex digits of SHA-256 over every file of the folder (by name) but the API and version.txt. */
    static String hash(Path folder, String unstampedApi) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.equals("nn-engine.js") || name.equals("version.txt")) {
                continue;
            }
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        digest.update(unstampedApi.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
