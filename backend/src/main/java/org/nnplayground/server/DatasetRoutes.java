package org.nnplayground.server;

import io.javalin.config.JavalinConfig;
import org.nnplayground.data.CsvData;
import org.nnplayground.data.CsvLimits;
import org.nnplayground.data.CsvReader;

/**
 * POST /api/datasets (CSV text as the body; {@code ?targets=k} for a regression on the last k columns) stores a
 * dataset of your own, checked by the same reader and rules as the page, within this server's point limit;
 * GET /api/datasets/{id} gives the CSV back.
 */
final class DatasetRoutes {
    /** A stored dataset: its id, its rows, and its classes (0 for regression). */
    record DatasetSaved(String id, int rows, int classes) {
    }

    private DatasetRoutes() {
    }

    static void register(JavalinConfig config, DatasetRepository datasets, StoreQuota quota, int maxPoints) {
        CsvLimits limits = CsvLimits.DEFAULT.withMaxRows(maxPoints);
        config.routes.post("/api/datasets", ctx -> {
            String targets = ctx.queryParam("targets");
            int targetColumns;
            try {
                targetColumns = targets == null ? 0 : Integer.parseInt(targets);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("targets must be a whole number of target columns, got " + targets);
            }
            // a bad file is a 400 naming the row and column
            CsvData data = CsvReader.read(ctx.body(), limits, targetColumns);
            String csv = data.toCsv();
            quota.ensureRoomFor(csv);
            String id = datasets.save(csv);
            ctx.status(201).json(new DatasetSaved(id, data.rows(), data.isClassification() ? data.classes().length : 0));
        });
        config.routes.get("/api/datasets/{id}", ctx -> {
            String csv = datasets.csv(ctx.pathParam("id"));
            if (csv == null) {
                throw ApiException.notFound("dataset", ctx.pathParam("id"), "no dataset with id " + ctx.pathParam("id"));
            }
            ctx.contentType("text/csv; charset=utf-8").result(csv);
        });
    }
}
