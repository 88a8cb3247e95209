package org.nnplayground.server;

import java.util.List;
import org.nnplayground.io.Checkpoint;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.nn.Module;

/**
 * Saved models: every file is read strictly before it is stored, so the store only ever holds files that
 * load; a model that is not there is a 404. Anyone with a model's id may read it (a share link); only its
 * owner key, or the host's admin key, may change or delete it, and the list shows the caller's own models
 * (every model in the gallery, when the host turned it on).
 */
final class ModelService {
    private static final int MAX_NAME = 100;

    /** A stored model's weights, replaced: its printout and size, to show what was loaded. */
    record WeightsReplaced(String id, String printout, int parameters) {
    }

    /** A model just saved; {@code ownerKey} only when this save issued a new key (shown once, never stored). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Saved(String id, String name, long createdAt, String ownerKey) {
    }

    /** A file to download: its name, content type and bytes. */
    record Download(String fileName, String contentType, byte[] bytes) {
    }

    private final ModelRepository models;
    private final StoreQuota quota;
    private final long maxParameters;
    private final boolean gallery;

    /** Stored models obey the same parameter limit as training ({@code --max-parameters}). */
    ModelService(ModelRepository models, StoreQuota quota, long maxParameters, boolean gallery) {
        this.models = models;
        this.quota = quota;
        this.maxParameters = maxParameters;
        this.gallery = gallery;
    }

    /** Saves under the caller's owner key, or under a new one that the answer carries. */
    Saved save(String name, String checkpointJson, OwnerKeys.Caller caller) {
        String checked = checkName(name);
        if (checkpointJson == null) {
            throw new IllegalArgumentException("the body must hold a checkpoint");
        }
        // Strict: only a file that loads is stored, and its declared size is checked before anything is built.
        CheckpointFile.read(checkpointJson, maxParameters);
        quota.ensureRoomFor(checkpointJson);
        String issued = caller.key() == null ? OwnerKeys.newKey() : null;
        String owner = OwnerKeys.hash(issued != null ? issued : caller.key());
        ModelRepository.ModelSummary saved = models.save(checked, checkpointJson, owner);
        return new Saved(saved.id(), saved.name(), saved.createdAt(), issued);
    }

    /** The caller's own models, or with {@code all} every model (the gallery, if on, or for the admin). */
    List<ModelRepository.ModelSummary> list(OwnerKeys.Caller caller, boolean all) {
        if (all) {
            if (!gallery && !caller.admin()) {
                throw new ApiException(403, "gallery_off", "this server keeps its models private: the list shows only your own");
            }
            return models.list();
        }
        return caller.key() == null ? List.of() : models.list(caller.keyHash());
    }

    /** Refuses a change to a model by anyone but its owner or the admin; a model that is not there is a 404. */
    private void checkMayChange(String id, OwnerKeys.Caller caller) {
        ModelRepository.Ownership ownership = models.ownership(id);
        if (!ownership.exists()) {
            throw ApiException.notFound("model", id, "no model with id " + id);
        }
        if (caller.admin()) {
            return;
        }
        if (caller.key() == null) {
            throw new ApiException(401, "owner_key_required",
                    "changing or deleting a saved model needs its owner key (Authorization: Bearer KEY)");
        }
        if (!OwnerKeys.sameHash(ownership.ownerHash(), caller.keyHash())) {
            throw new ApiException(403, "not_owner", "this model was saved with another owner key");
        }
    }

    /** The model's checkpoint JSON. */
    String checkpoint(String id) {
        String checkpoint = models.checkpoint(id);
        if (checkpoint == null) {
            throw ApiException.notFound("model", id, "no model with id " + id);
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
    WeightsReplaced replaceWeights(String id, byte[] file, OwnerKeys.Caller caller) {
        checkMayChange(id, caller);
        Checkpoint stored = CheckpointFile.read(checkpoint(id));
        Module model = stored.model();
        model.loadStateDict(WeightFiles.read(file));
        String replaced = CheckpointFile.write(model, null, stored.config());
        quota.ensureRoomFor(replaced);
        if (!models.replace(id, replaced)) {
            throw ApiException.notFound("model", id, "no model with id " + id);
        }
        return new WeightsReplaced(id, model.toString(), model.parameters().stream().mapToInt(p -> p.numel()).sum());
    }

    void delete(String id, OwnerKeys.Caller caller) {
        checkMayChange(id, caller);
        if (!models.delete(id)) {
            throw ApiException.notFound("model", id, "no model with id " + id);
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
