package org.nnplayground.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step, last: names this build of the site by a hash of its files, so that browsers can keep them for good
 * and a page's second visit asks the server for nothing but the page. Every page asks for its scripts, style
 * sheets, module preloads and icon with {@code ?v=hash}; every module imports the others with it; and
 * {@code nn-engine.js} (in place of its {@code 'dev'} placeholder) gives it to the worker, which asks for
 * everything it loads with it. {@code engine/version.txt} tells the server which {@code ?v=} is current (those
 * answers it lets browsers keep a year). The pages themselves stay unversioned: they are the addresses people
 * link to, revalidated on each visit. A changed file gives a new hash, so a browser never mixes two builds.
 */
public final class SiteVersion {
    static final String PLACEHOLDER = "const ENGINE_VERSION = 'dev';";
    private static final Pattern STAMPED = Pattern.compile("const ENGINE_VERSION = '[0-9a-f]+';");
    /** A version this step wrote after a file name (removed before hashing, so that building again is stable). */
    private static final Pattern VERSIONED = Pattern.compile("(\\.(?:js|css|svg))\\?v=[0-9a-f]{16}");
    /** A page's own asset: a relative src or href of a script or link element. */
    private static final Pattern PAGE_ASSET = Pattern.compile(
            "(<(?:script|link)\\b[^>]*?\\s(?:src|href)=\")([^\"/:?#][^\":?#]*\\.(?:js|css|svg))(\")");
    /** A module's dynamic relative import, {@code import('./x.js')}; static ones are {@link ModulePreloads#IMPORT}'s. */
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\(\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");

    private SiteVersion() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SiteVersion <site folder>");
        }
        Path site = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        String version = hash(site, files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean vendor = site.relativize(file).startsWith("vendor");
            if (name.endsWith(".html") || (name.endsWith(".js") && !vendor)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String versioned = versioned(name, text, version);
                if (!versioned.equals(text)) {
                    Files.writeString(file, versioned, StandardCharsets.UTF_8);
                }
            }
        }
        Files.writeString(site.resolve("engine/version.txt"), version + "\n", StandardCharsets.UTF_8);
    }

    /** A page's or script's text as this build serves it: its own asset addresses carry {@code ?v=version}. */
    static String versioned(String fileName, String text, String version) {
        String plain = unversioned(fileName, text);
        if (fileName.endsWith(".html")) {
            return PAGE_ASSET.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1) + m.group(2) + "?v=" + version + m.group(3)));
        }
        // The imports the module preloads were read from, so a preloaded module and its import are one address.
        String imports = versionAfter(DYNAMIC_IMPORT, versionAfter(ModulePreloads.IMPORT, plain, version), version);
        if (fileName.equals("nn-engine.js")) {
            if (!imports.contains(PLACEHOLDER)) {
                throw new IllegalStateException("nn-engine.js has no line " + PLACEHOLDER);
            }
            return imports.replace(PLACEHOLDER, "const ENGINE_VERSION = '" + version + "';");
        }
        return imports;
    }

    /** The text with {@code ?v=version} after each address {@code pattern} finds (its first group). */
    private static String versionAfter(Pattern pattern, String text, String version) {
        Matcher address = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (address.find()) {
            out.append(text, copied, address.end(1)).append("?v=").append(version);
            copied = address.end(1);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The text as the sources have it: without the versions a former run of this step wrote. */
    static String unversioned(String fileName, String text) {
        String plain = VERSIONED.matcher(text).replaceAll("$1");
        return fileName.equals("nn-engine.js") ? STAMPED.matcher(plain).replaceFirst(PLACEHOLDER) : plain;
    }

    /** The first 16 hex digits of SHA-256 over every file but the pages and version.txt, as the sources have them. */
    static String hash(Path site, List<Path> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".html") || name.equals("version.txt")) {
                continue;
            }
            digest.update(site.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            byte[] bytes = Files.readAllBytes(file);
            if (name.endsWith(".js")) {
                bytes = unversioned(name, new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
