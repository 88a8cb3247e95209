package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.nnplayground.json.Json;

/**
 * Debian's real PyTorch ({@code /usr/bin/python3} with python3-torch) driven through src/test/python/torch_oracle.py.
 * The interop tests need it; {@code .ci/run} installs it.
 */
final class TorchOracle {
    static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final Path SCRIPT = Paths.get("src/test/python/torch_oracle.py").toAbsolutePath();

    private TorchOracle() {
    }

    /** Fails with the way to install PyTorch unless it is there. */
    static void require() throws Exception {
        boolean present = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import torch").start().waitFor() == 0;
        assertEquals(true, present, "these tests need Debian's PyTorch: apt-get install -y python3-torch (.ci/run does)");
    }

    /** Runs the oracle (or any script with args) and returns what it printed; fails with its output otherwise. */
    static String run(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        if (!args[0].endsWith(".py")) {
            command.add(SCRIPT.toString());
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", args) + " failed:\n" + output);
        return output;
    }

    /** The oracle's last line, a JSON list of numbers. */
    static double[] numbers(String output) {
        String[] lines = output.strip().split("\n");
        List<?> list = (List<?>) Json.parse(lines[lines.length - 1]);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) list.get(i);
        }
        return out;
    }

    /** Largest |a - b| / max(1, |b|): absolute for small values, relative for large. */
    static double maxDifference(double[] a, double[] b) {
        assertEquals(b.length, a.length, "lengths");
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
        }
        return worst;
    }
}
