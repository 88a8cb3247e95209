package org.nnplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages depend one way, lowest first: a package may use only packages of a lower layer, never
 * one beside or above it. So maths, text (formatting, coded errors) and JSON know nothing of tensors; tensors nothing of
 * modules; the catalog nothing of files; files nothing of runs.
 */
class ArchitectureTest {
    private static final Path SOURCES = Paths.get("src/main/java/org/nnplayground");
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("math", 0), Map.entry("text", 0),
            Map.entry("random", 1), Map.entry("json", 1), // JSON's refusals are coded errors (text)
            Map.entry("tensor", 2),
            Map.entry("nn", 3), Map.entry("loss", 3), Map.entry("optim", 3), Map.entry("data", 3),
            Map.entry("course", 4), Map.entry("optim.scheduler", 4),
            Map.entry("catalog", 5),
            Map.entry("io", 6),
            Map.entry("io.pytorch", 7),
            Map.entry("run", 8),
            Map.entry("probe", 9));
    private static final Pattern REFERENCE = Pattern.compile("org\\.nnplayground\\.([a-z.]*[a-z])\\.[A-Z]");
    /** What TeaVM cannot compile or what would make the platforms disagree (see STYLE.md). */
    private static final Pattern NOT_PORTABLE = Pattern.compile("java\\.util\\.Random\\b|java\\.lang\\.reflect|"
            + "java\\.io\\.File\\b|java\\.nio\\.file|new Thread\\(|System\\.getenv|System\\.getProperty|import org\\.teavm|"
            + "(?<![A-Za-z.])Math\\.(random|tanh|exp|log|log1p|expm1|pow|sinh|cosh)\\(");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }

    @Test
    void everyPackageHasALayer() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        for (Path file : sources()) {
            packages.add(packageOf(file));
        }
        assertEquals(new TreeSet<>(LAYER.keySet()), packages, "a new package needs its place in LAYER");
    }

    @Test
    void packagesUseOnlyLowerLayers() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            Matcher reference = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (reference.find()) {
                String to = reference.group(1);
                if (!to.equals(from) && LAYER.getOrDefault(to, 99) >= LAYER.get(from)) {
                    wrong.add(SOURCES.relativize(file) + " uses " + to);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCoreUsesNothingTeavmCannotCompileOrPlatformsComputeDifferently() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (!line.startsWith("*") && !line.startsWith("//") && NOT_PORTABLE.matcher(line).find()) {
                    wrong.add(SOURCES.relativize(file) + ":" + (i + 1) + " " + line);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
