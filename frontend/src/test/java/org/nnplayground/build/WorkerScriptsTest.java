package org.nnplayground.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's own scripts are written into it, in order; the other importScripts calls stay. */
class WorkerScriptsTest {
    @Test
    void theImportLineBecomesTheScriptsInOrder() throws Exception {
        String worker = "'use strict';\nconst VERSION_QUERY = self.location.search;\n"
                + "importScripts('a.js' + VERSION_QUERY, 'b-c.js' + VERSION_QUERY,\n  'd.e-f.js' + VERSION_QUERY);\n"
                + "function f() {\n  importScripts('nn.js' + VERSION_QUERY);\n}\n";
        Map<String, String> files = Map.of("a.js", "let a = 1;", "b-c.js", "let b = 2;", "d.e-f.js", "let d = 3;");
        String built = WorkerScripts.inline(worker, files::get);
        assertFalse(built.contains("importScripts('a.js'"));
        assertTrue(built.indexOf("let a = 1;") < built.indexOf("let b = 2;") && built.indexOf("let b = 2;") < built.indexOf("let d = 3;"));
        assertTrue(built.contains("  importScripts('nn.js' + VERSION_QUERY);"), "a build loaded at run time stays");
        assertTrue(built.startsWith("'use strict';\nconst VERSION_QUERY"));
        assertEquals(built, WorkerScripts.inline(built, files::get), "a worker written in already is left alone");
    }

    @Test
    void theRealWorkerHasItsImportLine() throws Exception {
        Path engine = Path.of("src/main/webapp/engine");
        // TeaVM writes its WebAssembly loader into the site; the sources do not have it.
        String loader = "/* TeaVM's loader */";
        String built = WorkerScripts.inline(Files.readString(engine.resolve("engine-worker.js")),
                name -> name.equals("classes.wasm-runtime.js") ? loader : Files.readString(engine.resolve(name)));
        assertTrue(built.contains("function laneLayout(") && built.contains("function createPacer("));
        assertTrue(built.indexOf(loader) >= 0 && built.indexOf(loader) < built.indexOf("async function loadBuild("),
                "the loader comes first");
        assertEquals(-1, built.indexOf("importScripts('engine-load.js'"));
    }

    @Test
    void aWorkerWithoutTheLineFailsTheBuild() {
        assertThrows(IllegalStateException.class, () -> WorkerScripts.inline("'use strict';\n", name -> ""));
    }
}
