package org.nnplayground.web;

import org.nnplayground.catalog.Catalog;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.probe.MathsProbe;
import org.nnplayground.probe.PortabilityProbe;
import org.teavm.jso.JSExport;

/**
 * Entry points the browser engine calls, in both the WebAssembly and the JavaScript build. Each worker
 * holds one {@link EngineSession}. Arguments and answers are numbers and JSON text, the common ground of
 * both builds. Names carry an "engine" prefix because the JavaScript build, loaded into a worker as a
 * classic script, puts them on the worker's global object.
 */
public final class EngineExports {
    private static final EngineSession SESSION = new EngineSession();
    private static final BenchSession BENCH = new BenchSession();

    private EngineExports() {
    }

    public static void main(String[] args) {
        // TeaVM needs a main class; the exports below are the real entry points.
    }

    @JSExport
    public static String engineInit(String configJson) {
        return SESSION.init(configJson);
    }

    @JSExport
    public static String engineStep(int n) {
        return SESSION.step(n);
    }

    /** Lets the run train past its planned steps. */
    @JSExport
    public static String engineKeepGoing() {
        return SESSION.keepGoing();
    }

    @JSExport
    public static String engineReset() {
        return SESSION.reset();
    }

    @JSExport
    public static String engineReinit(double seed) {
        return SESSION.reinit(seed);
    }

    @JSExport
    public static String engineSetLearningRate(double lr) {
        return SESSION.setLearningRate(lr);
    }

    @JSExport
    public static String engineEvaluate() {
        return SESSION.evaluate();
    }

    /** @param pointsJson a flat JSON array of input values, row by row */
    @JSExport
    public static String enginePredict(int model, String pointsJson) {
        return EngineSession.answer(() -> SESSION.predict(model, numbers(pointsJson)));
    }

    @JSExport
    public static String engineNetwork(int model, double x0, double x1, double y0, double y1, int resolution) {
        return SESSION.network(model, x0, x1, y0, y1, resolution);
    }

    @JSExport
    public static String engineDiagnostics(int model) {
        return SESSION.diagnostics(model);
    }

    @JSExport
    public static String engineGrid(int model, double x0, double x1, double y0, double y1, int resolution) {
        return SESSION.grid(model, x0, x1, y0, y1, resolution);
    }

    @JSExport
    public static String engineExport(int model) {
        return SESSION.export(model);
    }

    @JSExport
    public static String engineExportStateDict(int model) {
        return SESSION.exportStateDict(model);
    }

    /** Reads a checkpoint or state-dict file (base64) and compares its predictions with the current network's. */
    @JSExport
    public static String engineRestore(int model, String fileBase64) {
        return SESSION.restore(model, fileBase64);
    }

    /** A weights (.pt, .safetensors, JSON) or data (.pt) file for PyTorch, as base64; see EngineSession. */
    @JSExport
    public static String engineExportFile(int model, String what, String format) {
        return SESSION.exportFile(model, what, format);
    }

    /** Starts every network from the weights in a file (base64), as PyTorch's load_state_dict would. */
    @JSExport
    public static String engineStartFrom(String fileBase64) {
        return SESSION.startFrom(fileBase64);
    }

    @JSExport
    public static String engineState(int model) {
        return SESSION.state(model);
    }

    /** Reads a dataset from CSV text for the page's preview; see {@link CsvAnswer}. */
    @JSExport
    public static String engineReadCsv(String text, int maxRows) {
        return EngineSession.answer(() -> CsvAnswer.read(text, maxRows));
    }

    /** The current run's data as CSV (labels by name), for download. */
    @JSExport
    public static String engineDataCsv() {
        return SESSION.dataCsv();
    }

    /** What a run can name (activations, losses, optimizers, datasets, chapters), as JSON; see Catalog. */
    @JSExport
    public static String engineCatalog() {
        return JsonWriter.write(Catalog.toJson());
    }

    /** The core's portability probe for {@code seed}, as JSON; the JVM computes the same text. */
    @JSExport
    public static String engineProbe(int seed) {
        return PortabilityProbe.run(seed);
    }

    /** A digest of the exact bits of a portable function over {@code count} inputs; see {@link MathsProbe}. */
    @JSExport
    public static String engineMathsDigest(String function, int seed, int count) {
        return MathsProbe.digest(function, seed, count);
    }

    /**
     * Chapter 5: descent on y = w·x over the course's three points; variant is "batch", "course-batch"
     * (the course's return-in-loop slip), "stochastic" or "mini-batch". Answers w, the loss the course
     * prints, the true cost, the epoch and the examples seen after every update.
     */
    @JSExport
    public static String engineDescent(String variant, double w0, double lr, int epochs, int batchSize, int shuffleSeed) {
        return EngineSession.answer(() -> DescentAnswer.run(variant, w0, lr, epochs, batchSize, shuffleSeed));
    }

    /** Chapter 3: the custom Net and the equivalent Sequential, printed and compared. */
    @JSExport
    public static String engineBuildingNets(int nFeature, int nHidden, int nOutput, int seed) {
        return EngineSession.answer(() -> BuildingNetsAnswer.run(nFeature, nHidden, nOutput, seed));
    }

    /** Benchmark pages: hand over a workload (untimed), train it (timed), read the outputs. */
    @JSExport
    public static String engineBenchPrepare(String specJson) {
        return BENCH.prepare(specJson);
    }

    @JSExport
    public static int engineBenchTrain() {
        return BENCH.train();
    }

    @JSExport
    public static String engineBenchOutputs() {
        return BENCH.outputs();
    }

    private static double[] numbers(String json) {
        return JsonFields.numbers(Json.parse(json), "points");
    }
}
