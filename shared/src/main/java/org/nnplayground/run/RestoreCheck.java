package org.nnplayground.run;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.io.Architecture;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.Module;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.GradMode;
import org.nnplayground.tensor.Tensor;

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

    /** Restores {@code file} and compares it with network {@code k} of the run. */
    public static RestoreCheck of(TrainingRun run, int k, byte[] file) {
        WeightFiles.Format format = WeightFiles.detect(file);
        String text = format == WeightFiles.Format.JSON ? new String(file, StandardCharsets.UTF_8) : null;
        Module restored;
        String kind;
        if (text != null && text.contains("\"" + CheckpointFile.FORMAT + "\"")) {
            restored = CheckpointFile.read(text).model();
            kind = "checkpoint";
        } else {
            restored = Architecture.build(Architecture.describe(run.network(k)), new Generator(0));
            restored.loadStateDict(WeightFiles.read(file));
            kind = format == WeightFiles.Format.JSON ? "state dict" : "PyTorch state dict (." + format.extension + ")";
        }
        Tensor x = run.inputsAsSeen();
        double[] current;
        double[] again;
        try (GradMode.Scope scope = GradMode.noGrad()) {
            current = run.network(k).forward(x).toArray();
            again = restored.forward(x).toArray();
        }
        if (again.length != current.length) {
            throw new IllegalArgumentException("the file's network gives " + again.length / x.size(0)
                    + " outputs per point, the page's " + current.length / x.size(0));
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
