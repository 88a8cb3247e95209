package org.nnplayground.web;

import org.nnplayground.json.Json;
import org.nnplayground.json.JsonFields;
import org.nnplayground.json.JsonWriter;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * Entry points the browser engine calls, in both the WebAssembly and the JavaScript build. Each worker
 * holds one {@link EngineSession}. Arguments and answers are numbers and JSON text, the common ground of
 * both builds. Names carry an "engine" prefix because the JavaScript build, loaded into a worker as a
 * classic script, puts them on the worker's global object.
 */
public final class EngineExports {
    private static final EngineSession SESSION = new EngineSession();

    static {
        JsonWriter.useNumberText(BrowserNumberText::of);
    }

    private EngineExports() {
    }

    public static void main(String[] args) {
        // TeaVM needs a main class; the exports below are the real entry points.
    }

    @JSExport
    public static String engineInit(String configJson) {
        return SESSION.init(configJson);
    }

    /**
     * The race's lanes listed in {@code lanesJson} ("[0, 3]": their indexes in increasing order; null: all) alone,
     * for a worker that trains a part of it.
     */
    @JSExport
    public static String engineInitLanes(String configJson, String lanesJson) {
        return SESSION.initLanes(configJson, lanesJson);
    }

    @JSExport
    public static String engineStep(int n) {
        return SESSION.step(n);
    }

    /**
     * A worker's part of a full-batch update split over workers: every lane's gradient of training rows
     * [from, to) and their loss sum, flat (see TrainingRun.stepPart); null if the run cannot be split.
     */
    @JSExport
    public static Float64Array engineStepPart(int from, int to) {
        double[] part;
        try {
            part = SESSION.stepPart(from, to);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return TypedArrays.of(part);
    }

    /** Where to cut the run's full batch into {@code parts} workers' rows (RowBlocks.splits), as JSON. */
    @JSExport
    public static String engineRowSplits(int parts) {
        return SESSION.rowSplits(parts);
    }

    /** One update from the sum of every worker's part, added as RowBlocks' tree adds rows; answers as engineStep. */
    @JSExport
    public static String engineStepWithParts(Float64Array sum) {
        return SESSION.stepWithParts(TypedArrays.values(sum));
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

    /** From now on every lane keeps the weights each update starts from, for the diagnostics' update sizes. */
    @JSExport
    public static String engineWatchUpdates() {
        return SESSION.watchUpdates();
    }

    @JSExport
    public static String engineGrid(int model, double x0, double x1, double y0, double y1, int resolution) {
        return SESSION.grid(model, x0, x1, y0, y1, resolution);
    }

    /** The grid's numbers (see EngineSession#gridValues), or null when refused: engineGrid then says why. */
    @JSExport
    public static Float64Array engineGridValues(int model, double x0, double x1, double y0, double y1, int resolution) {
        try {
            return TypedArrays.of(SESSION.gridValues(model, x0, x1, y0, y1, resolution));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @JSExport
    public static String engineExport(int model) {
        return SESSION.export(model);
    }

    @JSExport
    public static String engineExportStateDict(int model) {
        return SESSION.exportStateDict(model);
    }

    /**
     * Reads a checkpoint or state dict (the playground's JSON; format "json", or "pt"/"safetensors" for a PyTorch
     * file the toolkit turned into it) and compares its predictions with the current network's.
     */
    @JSExport
    public static String engineRestore(int model, String text, String format) {
        return SESSION.restore(model, text, format);
    }

    /** What a weights or data file for PyTorch holds, for the toolkit (ToolExports) to write; see EngineSession. */
    @JSExport
    public static String engineFileContents(int model, String what) {
        return SESSION.fileContents(model, what);
    }

    /** Starts every network from a state dict (JSON text), as PyTorch's load_state_dict would. */
    @JSExport
    public static String engineStartFrom(String stateDictText) {
        return SESSION.startFrom(stateDictText);
    }

    @JSExport
    public static String engineState(int model) {
        return SESSION.state(model);
    }

    /** The current run's data as CSV (labels by name), for download. */
    @JSExport
    public static String engineDataCsv() {
        return SESSION.dataCsv();
    }

    private static double[] numbers(String json) {
        return JsonFields.numbers(Json.parse(json), "points");
    }
}
