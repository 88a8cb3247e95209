package org.nnplayground.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnplayground.json.Json;

/**
 * The runs PytorchInteropIT replays in real torch: regression and classification with each of the course's
 * optimizers, then one run per newer piece (activations, losses, optimizers, schedules, clipping, the loader's
 * options, Dropout and the normalisations, data of your own with more columns), each named for its report line.
 */
final class InteropRuns {
    private static final String REGRESSION = "{\"dataset\": {\"name\": \"parabola\", \"n\": 100, \"noise\": 0.2, \"seed\": 1},"
            + " \"layers\": [{\"units\": 10, \"activation\": \"ReLU\"}], \"loss\": \"MSELoss\", %s,"
            + " \"batchSize\": 32, \"steps\": 40, \"initSeed\": 1, \"shuffleSeed\": 1}";
    private static final String CLASSIFICATION = "{\"dataset\": {\"name\": \"clusters\", \"n\": 200, \"noise\": 1, \"seed\": 1},"
            + " \"layers\": [{\"units\": 10, \"activation\": \"Tanh\"}], \"loss\": \"CrossEntropyLoss\", %s,"
            + " \"batchSize\": 32, \"steps\": 40, \"initSeed\": 1, \"shuffleSeed\": 1}";
    static final String[] OPTIMIZERS = {
        "{\"name\": \"SGD\", \"label\": \"SGD\", \"lr\": 0.05}",
        "{\"name\": \"SGD\", \"label\": \"Momentum\", \"lr\": 0.05, \"momentum\": 0.8}",
        "{\"name\": \"RMSprop\", \"label\": \"RMSprop\", \"lr\": 0.01, \"alpha\": 0.9}",
        "{\"name\": \"Adam\", \"label\": \"Adam\", \"lr\": 0.01, \"betas\": [0.9, 0.99]}",
    };
    /** Dropout + BatchNorm1d + LayerNorm + a scheduler + gradient clipping, the replay. */
    static final String NORMALISED_DROPOUT = String.format(REGRESSION, "\"optimizers\": [" + OPTIMIZERS[3] + "]")
            .replace("\"layers\": [{\"units\": 10, \"activation\": \"ReLU\"}]", "\"layers\": [{\"units\": 12, \"norm\":"
                    + " {\"name\": \"BatchNorm1d\", \"momentum\": 0.2, \"eps\": 0.001}, \"activation\": \"ReLU\", \"dropout\": 0.3},"
                    + " {\"units\": 8, \"norm\": \"LayerNorm\", \"activation\": \"Tanh\", \"dropout\": 0.1}]")
            .replace("\"initSeed\"", "\"scheduler\": {\"name\": \"StepLR\", \"step_size\": 2, \"gamma\": 0.5},"
                    + " \"clipGradNorm\": 0.5, \"initSeed\"");
    private InteropRuns() {
    }

    static List<String[]> runs() {
        List<String[]> all = new ArrayList<>();
        for (String task : new String[] {"regression", "classification"}) {
            for (String optimizer : OPTIMIZERS) {
                String label = (String) ((Map<?, ?>) Json.parse(optimizer)).get("label");
                all.add(new String[] {task + " " + label, config(task, optimizer)});
            }
        }
        // Three classes of your own (cross-entropy over three logits).
        StringBuilder inputs = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < 90; i++) {
            double angle = 2 * Math.PI * (i % 3) / 3;
            inputs.append(i == 0 ? "" : ", ").append(2 * Math.cos(angle) + random.nextGaussian()).append(", ")
                    .append(2 * Math.sin(angle) + random.nextGaussian());
            targets.append(i == 0 ? "" : ", ").append(i % 3);
        }
        all.add(new String[] {"three classes RMSprop", "{\"dataset\": {\"name\": \"custom\", \"inputs\": [" + inputs
                + "], \"targets\": [" + targets + "], \"classes\": [\"a\", \"b\", \"c\"]}, \"layers\": [{\"units\": 8, "
                + "\"activation\": \"ReLU\"}], \"loss\": \"CrossEntropyLoss\", \"optimizers\": [" + OPTIMIZERS[2] + "],"
                + " \"batchSize\": 16, \"steps\": 40, \"initSeed\": 2, \"shuffleSeed\": 3}"});
        // Data of your own with more columns: three inputs and two regression targets; four inputs and three classes.
        StringBuilder wideInputs = new StringBuilder();
        StringBuilder wideTargets = new StringBuilder();
        StringBuilder wideLabels = new StringBuilder();
        StringBuilder fourInputs = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double c = random.nextGaussian();
            wideInputs.append(i == 0 ? "" : ", ").append(a).append(", ").append(b).append(", ").append(c);
            wideTargets.append(i == 0 ? "" : ", ").append(a * b + c).append(", ").append(Math.sin(a) - c);
            wideLabels.append(i == 0 ? "" : ", ").append(a + b > 0.5 ? 2 : a + c > 0 ? 1 : 0);
            fourInputs.append(i == 0 ? "" : ", ").append(a).append(", ").append(b).append(", ").append(c).append(", ")
                    .append(random.nextGaussian());
        }
        all.add(new String[] {"regression three inputs two outputs", "{\"dataset\": {\"name\": \"custom\", \"inputs\": ["
                + wideInputs + "], \"targets\": [" + wideTargets + "], \"features\": 3, \"outputs\": 2}, \"layers\": [{\"units\": 12,"
                + " \"activation\": \"Tanh\"}], \"loss\": \"MSELoss\", \"optimizers\": [" + OPTIMIZERS[3] + "],"
                + " \"batchSize\": 16, \"steps\": 40, \"initSeed\": 2, \"shuffleSeed\": 3}"});
        all.add(new String[] {"classification four inputs", "{\"dataset\": {\"name\": \"custom\", \"inputs\": [" + fourInputs
                + "], \"targets\": [" + wideLabels + "], \"features\": 4, \"classes\": [\"a\", \"b\", \"c\"]}, \"layers\": [{\"units\": 8,"
                + " \"activation\": \"ReLU\"}], \"loss\": \"CrossEntropyLoss\", \"optimizers\": [" + OPTIMIZERS[1] + "],"
                + " \"batchSize\": 16, \"steps\": 40, \"initSeed\": 2, \"shuffleSeed\": 3}"});
        // The newer activations, with their options, one per layer.
        all.add(new String[] {"regression Adam newer activations", config("regression", OPTIMIZERS[3]).replace(
                "\"layers\": [{\"units\": 10, \"activation\": \"ReLU\"}]",
                "\"layers\": [{\"units\": 8, \"activation\": \"SiLU\"}, {\"units\": 8, \"activation\": \"CELU\","
                + " \"alpha\": 0.7}, {\"units\": 8, \"activation\": \"Mish\"}, {\"units\": 8, \"activation\":"
                + " \"Hardtanh\", \"min_val\": -2.0, \"max_val\": 2.0}, {\"units\": 8, \"activation\": \"SELU\"}]")});
        // The other losses, with their options; BCELoss's network ends in a Sigmoid and NLLLoss's in a LogSoftmax.
        String[][] losses = {
            {"regression", "HuberLoss", "{\"name\": \"HuberLoss\", \"delta\": 0.3, \"reduction\": \"sum\"}", OPTIMIZERS[3]},
            {"regression", "SmoothL1Loss", "{\"name\": \"SmoothL1Loss\", \"beta\": 0.2}", OPTIMIZERS[1]},
            {"regression", "L1Loss", "\"L1Loss\"", OPTIMIZERS[2]},
            {"classification", "CrossEntropyLoss weight smoothing",
                "{\"name\": \"CrossEntropyLoss\", \"weight\": [0.5, 2.0], \"label_smoothing\": 0.1}", OPTIMIZERS[3]},
            {"classification", "NLLLoss weight", "{\"name\": \"NLLLoss\", \"weight\": [2.0, 0.7]}", OPTIMIZERS[0]},
            {"classification", "BCELoss", "\"BCELoss\"", OPTIMIZERS[3]},
            {"classification", "BCEWithLogitsLoss pos_weight", "{\"name\": \"BCEWithLogitsLoss\", \"pos_weight\": [2.5]}",
                OPTIMIZERS[1]},
        };
        for (String[] loss : losses) {
            String natural = loss[0].equals("regression") ? "\"MSELoss\"" : "\"CrossEntropyLoss\"";
            all.add(new String[] {loss[0] + " " + loss[1], config(loss[0], loss[3]).replace("\"loss\": " + natural,
                    "\"loss\": " + loss[2])});
        }
        // The other optimizers, with options, one run each; maximize climbs a loss's negative.
        String[][] optimizers = {
            {"regression", "NAdam", "{\"name\": \"NAdam\", \"lr\": 0.01, \"momentum_decay\": 0.01}"},
            {"classification", "RAdam", "{\"name\": \"RAdam\", \"lr\": 0.01, \"weight_decay\": 0.01}"},
            {"regression", "Adamax", "{\"name\": \"Adamax\", \"lr\": 0.01, \"betas\": [0.8, 0.99]}"},
            {"classification", "Adadelta", "{\"name\": \"Adadelta\", \"lr\": 1.0, \"rho\": 0.8}"},
            {"regression", "Rprop", "{\"name\": \"Rprop\", \"lr\": 0.005, \"etas\": [0.4, 1.3]}"},
            {"classification", "Adam maximize", "{\"name\": \"Adam\", \"lr\": 0.001, \"maximize\": true}"},
        };
        for (String[] optimizer : optimizers) {
            all.add(new String[] {optimizer[0] + " " + optimizer[1], config(optimizer[0], optimizer[2])});
        }
        // Learning-rate schedules: per epoch (StepLR, CosineAnnealingLR, ReduceLROnPlateau on the epoch's mean
        // loss) and per update (OneCycleLR cycling SGD's momentum, or Adam's beta1).
        String[][] schedules = {
            {"regression", "StepLR", "{\"name\": \"StepLR\", \"step_size\": 2, \"gamma\": 0.5}", OPTIMIZERS[1]},
            {"classification", "CosineAnnealingLR", "{\"name\": \"CosineAnnealingLR\", \"T_max\": 4, \"eta_min\": 0.001}",
                OPTIMIZERS[3]},
            {"regression", "ReduceLROnPlateau", "{\"name\": \"ReduceLROnPlateau\", \"patience\": 0, \"threshold\": 0.3}",
                OPTIMIZERS[2]},
            {"regression", "OneCycleLR SGD", "{\"name\": \"OneCycleLR\", \"max_lr\": 0.2, \"total_steps\": 40}", OPTIMIZERS[0]},
            {"classification", "OneCycleLR Adam linear", "{\"name\": \"OneCycleLR\", \"max_lr\": 0.02, \"total_steps\": 40,"
                + " \"anneal_strategy\": \"linear\", \"three_phase\": true}", OPTIMIZERS[3]},
        };
        for (String[] schedule : schedules) {
            all.add(new String[] {schedule[0] + " " + schedule[1], config(schedule[0], schedule[3]).replace("\"initSeed\"",
                    "\"scheduler\": " + schedule[2] + ", \"initSeed\"")});
        }
        // Gradient clipping (by norm, by value) with a schedule, batches in order, the last partial batch dropped.
        all.add(new String[] {"regression clipped in order", config("regression", OPTIMIZERS[1]).replace("\"initSeed\"",
                "\"clipGradNorm\": 0.05, \"shuffle\": false, \"dropLast\": true, \"scheduler\": {\"name\": \"ExponentialLR\","
                + " \"gamma\": 0.9}, \"initSeed\"")});
        all.add(new String[] {"classification clipped by value", config("classification", OPTIMIZERS[3]).replace("\"initSeed\"",
                "\"clipGradValue\": 0.01, \"clipGradNorm\": 0.3, \"initSeed\"")});
        // PReLU: one learned slope for all units, and one per unit.
        all.add(new String[] {"classification PReLU", config("classification", OPTIMIZERS[3]).replace(
                "\"layers\": [{\"units\": 10, \"activation\": \"Tanh\"}]",
                "\"layers\": [{\"units\": 8, \"activation\": \"PReLU\", \"num_parameters\": 8, \"init\": 0.1},"
                + " {\"units\": 6, \"activation\": \"PReLU\"}]")});
        // Softmax and LogSoftmax as hidden layers.
        all.add(new String[] {"classification softmax layers", config("classification", OPTIMIZERS[3]).replace(
                "\"layers\": [{\"units\": 10, \"activation\": \"Tanh\"}]",
                "\"layers\": [{\"units\": 8, \"activation\": \"Softmax\"}, {\"units\": 8, \"activation\": \"LogSoftmax\"}]")});
        // Dropout (its masks carried in the data file), BatchNorm1d and LayerNorm, with a schedule and clipping.
        all.add(new String[] {"regression normalised dropout", NORMALISED_DROPOUT});
        all.add(new String[] {"classification BatchNorm dropout", config("classification", OPTIMIZERS[1]).replace(
                "\"layers\": [{\"units\": 10, \"activation\": \"Tanh\"}]",
                "\"layers\": [{\"units\": 10, \"norm\": \"BatchNorm1d\", \"activation\": \"ReLU\", \"dropout\": 0.5}]")
                .replace("\"initSeed\"", "\"scheduler\": {\"name\": \"OneCycleLR\", \"max_lr\": 0.2, \"total_steps\": 40},"
                        + " \"clipGradValue\": 0.05, \"initSeed\"")});
        // A held-out test part and standardized inputs: the batches and the scaling follow the training rows.
        all.add(new String[] {"classification Adam split", config("classification", OPTIMIZERS[3])
                .replace("\"initSeed\"", "\"testFraction\": 0.25, \"splitSeed\": 4, \"standardize\": true, \"initSeed\"")});
        return all;
    }

    static String config(String task, String optimizer) {
        return String.format(task.equals("regression") ? REGRESSION : CLASSIFICATION, "\"optimizers\": [" + optimizer + "]");
    }
}
