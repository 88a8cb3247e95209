package org.nnplayground.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;

/**
 * POST /api/models ({name, checkpoint}), GET /api/models (newest first), GET /api/models/{id},
 * GET /api/models/{id}/state-dict?format=pt|safetensors|json, PUT /api/models/{id}/state-dict (a .pt,
 * .safetensors or JSON state dict as the body: new weights for the stored architecture), DELETE /api/models/{id}.
 */
final class ModelRoutes {
    /** The body of POST /api/models: the checkpoint as a JSON object or as its text. */
    record SaveModel(String name, JsonNode checkpoint) {
        String checkpointText() {
            if (checkpoint == null || checkpoint.isNull()) {
                return null;
            }
            return checkpoint.isTextual() ? checkpoint.asText() : checkpoint.toString();
        }
    }

    private ModelRoutes() {
    }

    static void register(JavalinConfig config, ModelService models) {
        config.routes.post("/api/models", ctx -> {
            SaveModel body = ctx.bodyAsClass(SaveModel.class);
            ctx.status(201).json(models.save(body.name(), body.checkpointText()));
        });
        config.routes.get("/api/models", ctx -> ctx.json(models.list()));
        config.routes.get("/api/models/{id}", ctx -> ctx.contentType("application/json").result(models.checkpoint(ctx.pathParam("id"))));
        config.routes.get("/api/models/{id}/state-dict", ctx -> {
            String format = ctx.queryParamMap().containsKey("format") ? ctx.queryParam("format") : "json";
            ModelService.Download file = models.stateDict(ctx.pathParam("id"), format);
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
            ctx.contentType(file.contentType()).result(file.bytes());
        });
        config.routes.put("/api/models/{id}/state-dict",
                ctx -> ctx.json(models.replaceWeights(ctx.pathParam("id"), ctx.bodyAsBytes())));
        config.routes.delete("/api/models/{id}", ctx -> {
            models.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
    }
}
