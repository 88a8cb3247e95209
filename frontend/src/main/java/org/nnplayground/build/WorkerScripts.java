package org.nnplayground.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step: the engine worker's classic scripts (TeaVM's WebAssembly loader, engine-load.js, pacer.js, ...) are written
 * into the built engine-worker.js in place of the line that imports them, so that a worker starts with one
 * request instead of one after another: a worker's {@code importScripts} fetches its scripts in turn, a round
 * trip each (measured: six scripts cost a cold page about 100 ms). The sources stay separate files, each with
 * its Node tests; the built copies of them stay in the site too. The build fails if the import line is missing;
 * a worker written in already (an incremental build) is left alone.
 */
public final class WorkerScripts {
    /** The worker's top-level {@code importScripts('a.js' + VERSION_QUERY, 'b.js' + VERSION_QUERY, ...);}. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^importScripts\\(((?:\\s*'[\\w.-]+\\.js' \\+ VERSION_QUERY,?)+)\\);\\n");
    private static final Pattern NAME = Pattern.compile("'([\\w.-]+\\.js)'");
    private static final String MARK = ", written in at build time (see WorkerScripts)";

    private WorkerScripts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WorkerScripts <the site's engine folder>");
        }
        Path worker = Path.of(args[0], "engine-worker.js");
        Files.writeString(worker, inline(Files.readString(worker), name -> Files.readString(worker.resolveSibling(name))),
                StandardCharsets.UTF_8);
    }

    /** Reads one of the worker's scripts by file name. */
    @FunctionalInterface
    interface Scripts {
        String read(String name) throws IOException;
    }

    /** The worker's text with its imported scripts written in, in their order. */
    static String inline(String worker, Scripts scripts) throws IOException {
        if (worker.contains(MARK)) {
            return worker; // written in already: an incremental build that kept the built file
        }
        Matcher line = IMPORT.matcher(worker);
        if (!line.find()) {
            throw new IllegalStateException("engine-worker.js has no top-level importScripts line of its own scripts");
        }
        StringBuilder inlined = new StringBuilder();
        Matcher name = NAME.matcher(line.group(1));
        while (name.find()) {
            inlined.append("// ").append(name.group(1)).append(MARK).append('\n')
                    .append(scripts.read(name.group(1))).append('\n');
        }
        return worker.substring(0, line.start()) + inlined + worker.substring(line.end());
    }
}
