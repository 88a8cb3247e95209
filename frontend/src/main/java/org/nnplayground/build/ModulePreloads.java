package org.nnplayground.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step: each page of the site gets a {@code <link rel="modulepreload">} for every JavaScript module its
 * module scripts import, directly or not. Without them the browser discovers the modules one level of imports
 * at a time (page.js, then trainer.js, then chart-view.js, then charts.js...), a round trip per level before
 * the engine even starts loading; with them it asks for all of them at once. Computed from the import
 * statements, so the lists cannot drift from the code. Pages without module scripts are left alone.
 */
public final class ModulePreloads {
    static final String MARKER = "<!-- module preloads -->";
    private static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\"(?: async)? src=\"([^\"]+)\"></script>");
    /** Static imports with a relative specifier: {@code import ... from './x.js'} and {@code import './x.js'}. */
    static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:[^'\"]*?\\s+from\\s+)?['\"](\\.{1,2}/[^'\"]+)['\"]",
            Pattern.MULTILINE);

    private ModulePreloads() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ModulePreloads <site folder>");
        }
        Path site = Path.of(args[0]);
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page, StandardCharsets.UTF_8);
                String withLinks = addPreloads(html, page.getParent(), site);
                if (!withLinks.equals(html)) {
                    Files.writeString(page, withLinks, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** The page with the preload links before its {@code </head>}; unchanged without module scripts or if done. */
    static String addPreloads(String html, Path pageFolder, Path site) throws IOException {
        if (html.contains(MARKER)) {
            return html;
        }
        Set<Path> entries = new LinkedHashSet<>();
        Matcher scripts = MODULE_SCRIPT.matcher(html);
        while (scripts.find()) {
            entries.add(pageFolder.resolve(scripts.group(1)).normalize());
        }
        if (entries.isEmpty()) {
            return html;
        }
        StringBuilder links = new StringBuilder("  " + MARKER + "\n");
        for (Path module : importsOf(entries, site)) {
            links.append("  <link rel=\"modulepreload\" href=\"")
                    .append(pageFolder.relativize(module).toString().replace('\\', '/')).append("\">\n");
        }
        int head = html.indexOf("</head>");
        if (head < 0) {
            throw new IllegalStateException("a page with module scripts has no </head>");
        }
        return html.substring(0, head) + links + html.substring(head);
    }

    /** Every module the entries import, directly or not, in the order first met (the entries themselves too). */
    static Set<Path> importsOf(Set<Path> entries, Path site) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>(entries);
        while (!queue.isEmpty()) {
            Path module = queue.removeFirst();
            if (!seen.add(module)) {
                continue;
            }
            if (!module.startsWith(site.normalize()) || !Files.isRegularFile(module)) {
                throw new IllegalStateException("a page imports " + module + ", which is not a file of the site");
            }
            Matcher imports = IMPORT.matcher(Files.readString(module, StandardCharsets.UTF_8));
            while (imports.find()) {
                queue.addLast(module.getParent().resolve(imports.group(1)).normalize());
            }
        }
        return seen;
    }
}
