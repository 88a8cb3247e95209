package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.io.Checkpoint;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.Module;

/**
 * POST /api/models ({name, checkpoint}), GET /api/models (newest first), GET /api/models/{id},
 * GET /api/models/{id}/state-dict?format=pt|safetensors|json, PUT /api/models/{id}/state-dict (a .pt,
 * .safetensors or JSON state dict as the body: new weights for the stored architecture), DELETE /api/models/{id}.
 * Every file is read strictly before it is stored, so the store only ever holds files that load.
 */
final class ModelRoutes {
    private static final int MAX_NAME = 100;

    private ModelRoutes() {
    }

    static void register(JavalinConfig config, ModelStore store) {
        config.routes.post("/api/models", ctx -> {
            Map<String, Object> body = requestObject(ctx.body());
            String name = name(body.get("name"));
            Object checkpoint = body.get("checkpoint");
            if (checkpoint == null) {
                throw new IllegalArgumentException("the body must hold a checkpoint");
            }
            String text = checkpoint instanceof String ? (String) checkpoint : JsonWriter.write(checkpoint);
            CheckpointFile.read(text); // strict: only a file that loads is stored
            ctx.status(201).json(ModelStore.json(store.save(name, text)));
        });
        config.routes.get("/api/models", ctx -> {
            List<Object> all = new ArrayList<>();
            for (ModelStore.Summary summary : store.list()) {
                all.add(ModelStore.json(summary));
            }
            ctx.json(all);
        });
        config.routes.get("/api/models/{id}", ctx -> ctx.contentType("application/json").result(find(store, ctx.pathParam("id"))));
        config.routes.get("/api/models/{id}/state-dict", ctx -> {
            String format = ctx.queryParamMap().containsKey("format") ? ctx.queryParam("format") : "json";
            WeightFiles.Format chosen;
            try {
                chosen = WeightFiles.Format.named(format);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "unsupported_format", e.getMessage());
            }
            String checkpoint = find(store, ctx.pathParam("id"));
            String fileName = "model-" + ctx.pathParam("id").substring(0, Math.min(8, ctx.pathParam("id").length()));
            byte[] file = WeightFiles.write(CheckpointFile.read(checkpoint).model().stateDict(), chosen, fileName);
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "." + chosen.extension + "\"");
            ctx.contentType(chosen.contentType).result(file);
        });
        config.routes.put("/api/models/{id}/state-dict", ctx -> {
            String id = ctx.pathParam("id");
            Checkpoint stored = CheckpointFile.read(find(store, id));
            Module model = stored.model();
            // Strict, like load_state_dict(strict=True): a missing, unexpected or misshapen key changes nothing.
            model.loadStateDict(WeightFiles.read(ctx.bodyAsBytes()));
            // The optimizer's state belonged to the old weights, so it is not kept.
            String updated = CheckpointFile.write(model, null, stored.config());
            if (!store.replace(id, updated)) {
                throw ApiException.notFound("no model with id " + id);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("printout", model.toString());
            out.put("parameters", model.parameters().stream().mapToInt(p -> p.numel()).sum());
            ctx.json(out);
        });
        config.routes.delete("/api/models/{id}", ctx -> {
            if (!store.delete(ctx.pathParam("id"))) {
                throw ApiException.notFound("no model with id " + ctx.pathParam("id"));
            }
            ctx.status(204);
        });
    }

    private static String find(ModelStore store, String id) {
        String checkpoint = store.checkpoint(id);
        if (checkpoint == null) {
            throw ApiException.notFound("no model with id " + id);
        }
        return checkpoint;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestObject(String body) {
        Object json = Json.parse(body);
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return (Map<String, Object>) json;
    }

    private static String name(Object value) {
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new IllegalArgumentException("the model needs a name");
        }
        String name = ((String) value).strip();
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
