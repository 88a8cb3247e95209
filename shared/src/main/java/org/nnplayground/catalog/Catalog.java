package org.nnplayground.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.data.InputFeatures;
import org.nnplayground.nn.Module;

/**
 * Everything a run can name, in one JSON document for the pages (the engine's {@code catalog} call) and the
 * server ({@code GET /api/catalog}): activations, normalisations, losses, optimizers and schedulers with PyTorch's options and defaults,
 * the datasets and the chapters' presets. Menus, option forms and chapter defaults are built from it.
 */
public final class Catalog {
    private Catalog() {
    }

    public static Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> activations = new ArrayList<>();
        for (Activations.Type type : Activations.all()) {
            activations.add(entry(type.name(), type.options()));
        }
        out.put("activations", activations);
        List<Object> norms = new ArrayList<>();
        for (Norms.Type type : Norms.all()) {
            norms.add(entry(type.name(), type.options()));
        }
        out.put("norms", norms);
        List<Object> losses = new ArrayList<>();
        for (Losses.Type type : Losses.all()) {
            Map<String, Object> loss = entry(type.name(), type.options());
            loss.put("task", type.forClassification() ? "classification" : "regression");
            Module ending = type.outputLayer();
            if (ending != null) {
                loss.put("outputLayer", ending.typeName());
            }
            losses.add(loss);
        }
        out.put("losses", losses);
        List<Object> optimizers = new ArrayList<>();
        for (Optimizers.Type type : Optimizers.all()) {
            optimizers.add(entry(type.name(), type.options()));
        }
        out.put("optimizers", optimizers);
        List<Object> schedulers = new ArrayList<>();
        for (Schedulers.Type type : Schedulers.all()) {
            Map<String, Object> scheduler = entry(type.name(), type.options());
            scheduler.put("every", type.everyUpdate() ? "update" : "epoch");
            schedulers.add(scheduler);
        }
        out.put("schedulers", schedulers);
        List<Object> datasets = new ArrayList<>();
        for (DatasetTypes.Type type : DatasetTypes.all()) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("name", type.name());
            dataset.put("task", type.isClassification() ? "classification" : "regression");
            dataset.put("features", type.features());
            datasets.add(dataset);
        }
        out.put("datasets", datasets);
        out.put("inputFeatures", InputFeatures.NAMES);
        Map<String, Object> chapters = new LinkedHashMap<>();
        for (String name : Chapters.names()) {
            chapters.put(name, Chapters.preset(name));
        }
        out.put("chapters", chapters);
        return out;
    }

    private static Map<String, Object> entry(String name, List<Option> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        List<Object> described = new ArrayList<>();
        for (Option option : options) {
            described.add(option.describe());
        }
        out.put("options", described);
        return out;
    }
}
