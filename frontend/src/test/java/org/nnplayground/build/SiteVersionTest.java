package org.nnplayground.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every address a page or module asks for carries the build's version, and building again changes nothing. */
class SiteVersionTest {
    @TempDir
    Path site;

    private void write(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String read(String path) throws Exception {
        return Files.readString(site.resolve(path));
    }

    private void buildSite() throws Exception {
        write("index.html", "<html><head><link rel=\"stylesheet\" href=\"css/site.css\">\n"
                + "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"modulepreload\" href=\"app/trainer.js\">\n"
                + "<script src=\"/harness/bench-common.js\"></script>\n"
                + "<script defer src=\"vendor/chart.umd.min.js\"></script></head>\n"
                + "<body><a href=\"regression.html\">1</a><a href=\"https://pytorch.org/x.js\">x</a>\n"
                + "<script type=\"module\" async src=\"app/page.js\"></script></body></html>");
        write("css/site.css", "body {}");
        write("favicon.svg", "<svg/>");
        write("vendor/chart.umd.min.js", "!function(){import('./not-ours.js')}();");
        write("app/page.js", "import { start } from './trainer.js';\nimport './side-effect.js';\nawait start();\n"
                + "const later = () => import('../engine/nn-engine.js');\n");
        write("app/trainer.js", "import {\n  a,\n  b,\n} from '../engine/nn-engine.js';\n"
                + "const text = \"see from './not-an-import.js'\";\nexport function start() {}\n");
        write("app/side-effect.js", "");
        write("engine/nn-engine.js", "// import { createEngine } from './engine/nn-engine.js';\n"
                + "const ENGINE_VERSION = 'dev';\nexport const a = 1, b = 2;\n");
        write("engine/engine-worker.js", "importScripts('engine-load.js' + VERSION_QUERY);\n");
        write("engine/nn.wasm", "\0asm");
    }

    @Test
    void pagesAndModulesAskForThisBuildsFiles() throws Exception {
        buildSite();
        SiteVersion.main(new String[] {site.toString()});
        String v = read("engine/version.txt").trim();
        assertTrue(v.matches("[0-9a-f]{16}"), v);
        String page = read("index.html");
        for (String asset : new String[] {"css/site.css", "favicon.svg", "app/trainer.js", "vendor/chart.umd.min.js", "app/page.js"}) {
            assertTrue(page.contains("\"" + asset + "?v=" + v + "\""), asset);
        }
        assertTrue(page.contains("\"/harness/bench-common.js\"") && page.contains("\"regression.html\"")
                && page.contains("\"https://pytorch.org/x.js\""), "other servers' files, absolute paths and pages stay");
        String pageModule = read("app/page.js");
        assertTrue(pageModule.contains("from './trainer.js?v=" + v + "'") && pageModule.contains("import './side-effect.js?v=" + v + "'")
                && pageModule.contains("import('../engine/nn-engine.js?v=" + v + "')"), pageModule);
        String trainer = read("app/trainer.js");
        assertTrue(trainer.contains("} from '../engine/nn-engine.js?v=" + v + "'"), "a multi-line import");
        assertTrue(trainer.contains("from './not-an-import.js'\""), "a string is not an import");
        assertTrue(read("engine/nn-engine.js").contains("const ENGINE_VERSION = '" + v + "';"));
        assertEquals("!function(){import('./not-ours.js')}();", read("vendor/chart.umd.min.js"), "vendored files stay");
        assertEquals("importScripts('engine-load.js' + VERSION_QUERY);\n", read("engine/engine-worker.js"));
    }

    @Test
    void buildingAgainChangesNothingAndAChangedFileChangesTheVersion() throws Exception {
        buildSite();
        SiteVersion.main(new String[] {site.toString()});
        String v = read("engine/version.txt");
        String page = read("index.html");
        String module = read("app/page.js");
        SiteVersion.main(new String[] {site.toString()});
        assertEquals(v, read("engine/version.txt"));
        assertEquals(page, read("index.html"));
        assertEquals(module, read("app/page.js"));
        write("css/site.css", "body { margin: 0 }");
        SiteVersion.main(new String[] {site.toString()});
        String changed = read("engine/version.txt").trim();
        assertNotEquals(v.trim(), changed);
        assertTrue(read("app/page.js").contains("./trainer.js?v=" + changed + "'") && !read("app/page.js").contains(v.trim()));
    }

    @Test
    void anEngineWithoutItsPlaceholderFailsTheBuild() throws Exception {
        buildSite();
        write("engine/nn-engine.js", "export const a = 1;\n");
        assertThrows(IllegalStateException.class, () -> SiteVersion.main(new String[] {site.toString()}));
    }
}
