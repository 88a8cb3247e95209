package org.nnplayground.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.io.pytorch.StoredTensorsJson;
import org.nnplayground.io.pytorch.TorchFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.probe.MathsProbe;
import org.nnplayground.probe.PortabilityProbe;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * The toolkit: everything a page asks of the core outside a training run. PyTorch's .pt and .safetensors files
 * read into and written from the playground's JSON, datasets read from CSV, chapter 3's and chapter 5's
 * demonstrations, the portability probes and the benchmark pages' workloads. A build of its own ({@code nn-tools.wasm}, {@code nn-tools.js}) that
 * the engine's worker loads when a page first needs one of these, so that the training engine ({@link
 * EngineExports}), which every training page loads, stays small. It keeps no state, but for the benchmark's workload.
 * Bytes cross as base64.
 */
public final class ToolExports {
    private static final BenchSession BENCH = new BenchSession();

    private ToolExports() {
    }

    public static void main(String[] args) {
        // TeaVM needs a main class; the exports below are the real entry points.
    }

    /**
     * A .pt or .safetensors state dict (base64) as {@code {"format": "pt" or "safetensors", "stateDict": JSON text
     * of a state-dict file}}; anything else (a legacy .pt, JSON that is not a state dict...) is an error saying so.
     */
    @JSExport
    public static String toolsReadStateDict(String fileBase64) {
        return EngineSession.answer(() -> {
            byte[] file = bytes(fileBase64);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("format", WeightFiles.detect(file).extension);
            out.put("stateDict", StateDictFile.write(WeightFiles.read(file)));
            return JsonWriter.write(out);
        });
    }

    /** A state dict (JSON text) as a .pt or .safetensors file (float32, as PyTorch saves a model): {@code {"base64"}}. */
    @JSExport
    public static String toolsWriteStateDict(String stateDictText, String format, String archiveName) {
        return EngineSession.answer(() -> base64(WeightFiles.write(StateDictFile.read(stateDictText),
                WeightFiles.Format.named(format), archiveName)));
    }

    /** Named tensors with their types (see StoredTensorsJson) as a .pt file: {@code {"base64"}}. */
    @JSExport
    public static String toolsWriteTensors(String tensorsJson, String archiveName) {
        return EngineSession.answer(() -> base64(TorchFile.write(StoredTensorsJson.read(tensorsJson), archiveName)));
    }

    /** Reads a dataset from CSV text for the page's preview; see {@link CsvAnswer}. */
    @JSExport
    public static String toolsReadCsv(String text, int maxRows, int targetColumns) {
        return EngineSession.answer(() -> CsvAnswer.read(text, maxRows, targetColumns));
    }

    /**
     * Chapter 5: descent on y = w·x over the course's three points; variant is "batch", "course-batch"
     * (the course's return-in-loop slip), "stochastic" or "mini-batch". Answers w, the loss the course
     * prints, the true cost, the epoch and the examples seen after every update.
     */
    @JSExport
    public static String toolsDescent(String variant, double w0, double lr, int epochs, int batchSize, int shuffleSeed) {
        return EngineSession.answer(() -> DescentAnswer.run(variant, w0, lr, epochs, batchSize, shuffleSeed));
    }

    /** Chapter 3: the custom Net and the equivalent Sequential, printed and compared. */
    @JSExport
    public static String toolsBuildingNets(int nFeature, int nHidden, int nOutput, int seed) {
        return EngineSession.answer(() -> BuildingNetsAnswer.run(nFeature, nHidden, nOutput, seed));
    }

    /** The core's portability probe for {@code seed}, as JSON; the JVM computes the same text. */
    @JSExport
    public static String toolsProbe(int seed) {
        return PortabilityProbe.run(seed);
    }

    /** A digest of the exact bits of a portable function over {@code count} inputs; see {@link MathsProbe}. */
    @JSExport
    public static String toolsMathsDigest(String function, int seed, int count) {
        return MathsProbe.digest(function, seed, count);
    }

    private static String base64(byte[] file) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base64", Base64.getEncoder().encodeToString(file));
        return JsonWriter.write(out);
    }

    private static byte[] bytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the file did not arrive intact (bad base64)");
        }
    }

    /**
     * The benchmark pages (bench/): hand over a workload (untimed), train it (timed), read the outputs. The one
     * part of the toolkit that keeps state: the workload handed over.
     */
    @JSExport
    public static String toolsBenchPrepare(String specJson) {
        return BENCH.prepare(specJson);
    }

    @JSExport
    public static int toolsBenchTrain() {
        return BENCH.train();
    }

    /** A full-batch workload over workers: its steps and where to cut its rows, {"steps": n, "cuts": [...]}. */
    @JSExport
    public static String toolsBenchSplits(int parts) {
        return BENCH.splits(parts);
    }

    @JSExport
    public static Float64Array toolsBenchPart(int from, int to) {
        return TypedArrays.of(BENCH.part(from, to));
    }

    @JSExport
    public static void toolsBenchApply(Float64Array sum) {
        BENCH.apply(TypedArrays.values(sum));
    }

    @JSExport
    public static String toolsBenchOutputs() {
        return BENCH.outputs();
    }
}
