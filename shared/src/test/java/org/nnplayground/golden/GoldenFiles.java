package org.nnplayground.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nnplayground.json.Json;
import org.nnplayground.tensor.Tensor;

/** Reads the PyTorch oracles from the folder named by the system property {@code golden.dir}. */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    public static Path dir() {
        return Paths.get(System.getProperty("golden.dir", "src/test/resources/golden"));
    }

    public static List<Path> jsonFiles() throws IOException {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            throw new IOException("golden folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        return (Map<String, Object>) Json.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String name) throws IOException {
        return read(dir().resolve(name));
    }

    /** A nested JSON array of numbers as a tensor of the same shape. */
    @SuppressWarnings("unchecked")
    public static Tensor tensor(Object json) {
        if (json instanceof Double) {
            return Tensor.scalar((Double) json);
        }
        List<Object> list = (List<Object>) json;
        if (!list.isEmpty() && list.get(0) instanceof List) {
            List<Object> first = (List<Object>) list.get(0);
            if (!first.isEmpty() && first.get(0) instanceof List) {
                throw new IllegalArgumentException("only vectors and matrices are expected in the golden files");
            }
            double[][] rows = new double[list.size()][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = vector((List<Object>) list.get(r));
            }
            return Tensor.of(rows);
        }
        return Tensor.of(vector(list));
    }

    private static double[] vector(List<Object> list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (Double) list.get(i);
        }
        return values;
    }

    public static double number(Object json) {
        return (Double) json;
    }
}
