package org.nnplayground.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;

/**
 * POST /api/models ({name, checkpoint}; the answer carries a new owner key unless the request presented one),
 * GET /api/models (your own, newest first; ?scope=all: every model, when the gallery is on), GET /api/models/{id},
 * GET /api/models/{id}/state-dict?format=pt|safetensors|json, PUT /api/models/{id}/state-dict (a .pt,
 * .safetensors or JSON state dict as the body: new weights for the stored architecture), DELETE /api/models/{id}.
 * Changing and deleting need the owner key ({@code Authorization: Bearer KEY}); see {@link OwnerKeys}.
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

    static void register(JavalinConfig config, ModelService models, String adminKey) {
        config.routes.post("/api/models", ctx -> {
            SaveModel body = ctx.bodyAsClass(SaveModel.class);
            ctx.status(201).json(models.save(body.name(), body.checkpointText(), OwnerKeys.caller(ctx, adminKey)));
        });
        config.routes.get("/api/models", ctx -> {
            String scope = ctx.queryParamMap().containsKey("scope") ? ctx.queryParam("scope") : "mine";
            if (!scope.equals("mine") && !scope.equals("all")) {
                throw new IllegalArgumentException("scope must be mine or all, got " + scope);
            }
            ctx.json(models.list(OwnerKeys.caller(ctx, adminKey), scope.equals("all")));
        });
        config.routes.get("/api/models/{id}", ctx -> ctx.contentType("application/json").result(models.checkpoint(ctx.pathParam("id"))));
        config.routes.get("/api/models/{id}/state-dict", ctx -> {
            String format = ctx.queryParamMap().containsKey("format") ? ctx.queryParam("format") : "json";
            ModelService.Download file = models.stateDict(ctx.pathParam("id"), format);
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
            ctx.contentType(file.contentType()).result(file.bytes());
        });
        config.routes.put("/api/models/{id}/state-dict",
                ctx -> ctx.json(models.replaceWeights(ctx.pathParam("id"), ctx.bodyAsBytes(), OwnerKeys.caller(ctx, adminKey))));
        config.routes.delete("/api/models/{id}", ctx -> {
            models.delete(ctx.pathParam("id"), OwnerKeys.caller(ctx, adminKey));
            ctx.status(204);
        });
    }
}
