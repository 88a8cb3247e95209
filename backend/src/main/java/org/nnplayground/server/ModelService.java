package org.nnplayground.server;

import java.util.List;
import org.nnplayground.io.Checkpoint;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.nn.Module;

/**
 * Saved models: every file is read strictly before it is stored, so the store only ever holds files that
 * load; a model that is not there is a 404.
 */
final class ModelService {
    private static final int MAX_NAME = 100;

    /** A stored model's weights, replaced: its printout and size, to show what was loaded. */
    record WeightsReplaced(String id, String printout, int parameters) {
    }

    /** A file to download: its name, content type and bytes. */
    record Download(String fileName, String contentType, byte[] bytes) {
    }

    private final ModelRepository models;
    private final long maxParameters;

    /** Stored models obey the same parameter limit as training ({@code --max-parameters}). */
    ModelService(ModelRepository models, long maxParameters) {
        this.models = models;
        this.maxParameters = maxParameters;
    }

    ModelRepository.ModelSummary save(String name, String checkpointJson) {
        String checked = checkName(name);
        if (checkpointJson == null) {
            throw new IllegalArgumentException("the body must hold a checkpoint");
        }
        // Strict: only a file that loads is stored, and its declared size is checked before anything is built.
        CheckpointFile.read(checkpointJson, maxParameters);
        return models.save(checked, checkpointJson);
    }

    List<ModelRepository.ModelSummary> list() {
        return models.list();
    }

    /** The model's checkpoint JSON. */
    String checkpoint(String id) {
        String checkpoint = models.checkpoint(id);
        if (checkpoint == null) {
            throw ApiException.notFound("no model with id " + id);
        }
        return checkpoint;
    }

    /** The model's weights alone as a state-dict file: "pt", "safetensors" or "json". */
    Download stateDict(String id, String format) {
        WeightFiles.Format chosen;
        try {
            chosen = WeightFiles.Format.named(format);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unsupported_format", e.getMessage());
        }
        Module model = CheckpointFile.read(checkpoint(id)).model();
        String name = "model-" + id.substring(0, Math.min(8, id.length()));
        return new Download(name + "." + chosen.extension, chosen.contentType,
                WeightFiles.write(model.stateDict(), chosen, name));
    }

    /**
     * New weights (a .pt, .safetensors or JSON state dict) for a stored architecture. Strict, like
     * load_state_dict(strict=True): a missing, unexpected or misshapen key changes nothing. The optimizer's
     * state belonged to the old weights, so it is not kept.
     */
    WeightsReplaced replaceWeights(String id, byte[] file) {
        Checkpoint stored = CheckpointFile.read(checkpoint(id));
        Module model = stored.model();
        model.loadStateDict(WeightFiles.read(file));
        if (!models.replace(id, CheckpointFile.write(model, null, stored.config()))) {
            throw ApiException.notFound("no model with id " + id);
        }
        return new WeightsReplaced(id, model.toString(), model.parameters().stream().mapToInt(p -> p.numel()).sum());
    }

    void delete(String id) {
        if (!models.delete(id)) {
            throw ApiException.notFound("no model with id " + id);
        }
    }

    private static String checkName(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the model needs a name");
        }
        String name = value.strip();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("the name is longer than " + MAX_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("the name contains a control character");
            }
        }
        return name;
    }
}
