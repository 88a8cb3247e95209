package org.nnplayground.run;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.io.Architecture;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.EvalScope;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.StateDict;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.GradMode;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * Chapter 4's check: a saved file restored beside the run, and its predictions on the run's data compared
 * with the network's. A checkpoint brings its own architecture; a state dict (JSON, PyTorch .pt or
 * .safetensors) is loaded into a fresh copy of the network's. The run itself is never changed, so a bad or
 * mismatched file costs nothing.
 */
public final class RestoreCheck {
    private final String kind;
    private final Module restored;
    private final Tensor inputs;
    private final double[] networkPredictions;
    private final double[] predictions;
    private final double maxDifference;

    private RestoreCheck(String kind, Module restored, Tensor inputs, double[] networkPredictions, double[] predictions,
            double maxDifference) {
        this.kind = kind;
        this.restored = restored;
        this.inputs = inputs;
        this.networkPredictions = networkPredictions;
        this.predictions = predictions;
        this.maxDifference = maxDifference;
    }

    /** Restores {@code file} (JSON, .pt or .safetensors) and compares it with network {@code k} of the run. */
    public static RestoreCheck of(TrainingRun run, int k, byte[] file) {
        WeightFiles.Format format = WeightFiles.detect(file);
        if (format == WeightFiles.Format.JSON) {
            return ofText(run, k, new String(file, StandardCharsets.UTF_8), format.extension);
        }
        return ofStateDict(run, k, WeightFiles.read(file), "PyTorch state dict (." + format.extension + ")");
    }

    /**
     * Restores a file given as the playground's JSON (a checkpoint or a state dict), or a .pt or .safetensors
     * state dict already turned into that JSON ({@code format} "pt" or "safetensors"). The browser engine uses
     * this, so it does not carry PyTorch's file readers (they load only when a page reads such a file).
     */
    public static RestoreCheck ofText(TrainingRun run, int k, String text, String format) {
        if (text.isBlank()) {
            throw new CodedError("file.empty", "the file is empty");
        }
        if (format.equals("json") && text.contains("\"" + CheckpointFile.FORMAT + "\"")) {
            return compare(run, k, CheckpointFile.read(text).model(), "checkpoint");
        }
        if (!text.trim().startsWith("{")) {
            throw new CodedError("file.notWeights", "not a weights file: expected PyTorch's .pt, .safetensors or "
                    + "the playground's JSON state dict");
        }
        String kind = format.equals("json") ? "state dict" : "PyTorch state dict (." + format + ")";
        return ofStateDict(run, k, StateDictFile.read(text), kind);
    }

    private static RestoreCheck ofStateDict(TrainingRun run, int k, StateDict weights, String kind) {
        Module restored = Architecture.build(Architecture.describe(run.network(k)), new Generator(0));
        restored.loadStateDict(weights);
        return compare(run, k, restored, kind);
    }

    private static RestoreCheck compare(TrainingRun run, int k, Module restored, String kind) {
        Tensor x = run.inputsAsSeen();
        double[] current;
        double[] again;
        // Both as they predict (eval mode): no dropout mask drawn, no running statistic moved.
        try (GradMode.Scope scope = GradMode.noGrad(); EvalScope mine = run.network(k).evaluating();
                EvalScope theirs = restored.evaluating()) {
            current = run.network(k).forward(x).toArray();
            again = restored.forward(x).toArray();
        }
        if (again.length != current.length) {
            throw new CodedError("file.outputs", "the file's network gives " + again.length / x.size(0)
                    + " outputs per point, the page's " + current.length / x.size(0), "file", again.length / x.size(0),
                    "page", current.length / x.size(0));
        }
        double maxDifference = 0;
        for (int i = 0; i < current.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(current[i] - again[i]));
        }
        return new RestoreCheck(kind, restored, x, current, again, maxDifference);
    }

    /** "checkpoint", "state dict" or "PyTorch state dict (.pt)" and the like. */
    public String kind() {
        return kind;
    }

    /** The largest difference between the restored network's outputs and the run's network's. */
    public double maxDifference() {
        return maxDifference;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("printout", restored.toString());
        out.put("maxDifference", maxDifference);
        // Point by point, so the page can show the two networks side by side.
        out.put("inputWidth", inputs.size(1));
        out.put("inputs", JsonWriter.finiteOrNull(inputs.toArray()));
        out.put("networkPredictions", JsonWriter.finiteOrNull(networkPredictions));
        out.put("predictions", JsonWriter.finiteOrNull(predictions));
        return out;
    }
}
