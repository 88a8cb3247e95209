package org.nnplayground.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModulePreloadsTest {
    @TempDir
    Path site;

    private void write(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void everyModuleAPageImportsIsPreloadedOnce() throws Exception {
        write("app/page.js", "import { start } from './trainer.js';\nawait start();\n");
        write("app/trainer.js", "import { createEngine } from '../engine/nn-engine.js';\nimport {\n  a,\n  b,\n} from './charts.js';\n"
                + "import './side-effect.js';\nconst text = \"import x from './not-a-module.js'\";\n");
        write("app/charts.js", "import { createEngine } from '../engine/nn-engine.js';\nexport const a = 1, b = 2;\n");
        write("app/side-effect.js", "");
        write("engine/nn-engine.js", "export function createEngine() {}\n");
        String html = "<html><head>\n  <title>t</title>\n</head><body><script type=\"module\" src=\"app/page.js\"></script></body></html>";
        String out = ModulePreloads.addPreloads(html, site, site);
        assertEquals("<html><head>\n  <title>t</title>\n  " + ModulePreloads.MARKER + "\n"
                + "  <link rel=\"modulepreload\" href=\"app/page.js\">\n"
                + "  <link rel=\"modulepreload\" href=\"app/trainer.js\">\n"
                + "  <link rel=\"modulepreload\" href=\"engine/nn-engine.js\">\n"
                + "  <link rel=\"modulepreload\" href=\"app/charts.js\">\n"
                + "  <link rel=\"modulepreload\" href=\"app/side-effect.js\">\n"
                + "</head><body><script type=\"module\" src=\"app/page.js\"></script></body></html>", out);
        assertEquals(out, ModulePreloads.addPreloads(out, site, site), "a second build changes nothing");
    }

    @Test
    void pagesWithoutModulesStayAsTheyAreAndAMissingModuleFailsTheBuild() throws Exception {
        String plain = "<html><head></head><body><script src=\"x.js\"></script></body></html>";
        assertEquals(plain, ModulePreloads.addPreloads(plain, site, site));
        String broken = "<html><head></head><body><script type=\"module\" src=\"app/gone.js\"></script></body></html>";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModulePreloads.addPreloads(broken, site, site));
        assertTrue(e.getMessage().contains("gone.js"), e.getMessage());
    }
}
