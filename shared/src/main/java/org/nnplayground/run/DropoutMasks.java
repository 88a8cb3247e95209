package org.nnplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.nn.Dropout;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Sequential;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/**
 * The dropout masks of a run's planned updates, drawn again the way its networks draw them: one generator from the
 * configuration's dropout seed, each update's Dropout layers in order, each a mask of (batch rows × units). PyTorch
 * cannot draw them itself (its generator is another), so the replay file carries them and the script applies them.
 */
final class DropoutMasks {
    private DropoutMasks() {
    }

    /**
     * Per Dropout layer, by its module index in the Sequential: its masks of every planned update one below the
     * other, (Σ batch rows) × units of 0 and 1. Empty without a Dropout.
     */
    static Map<Integer, Tensor> of(TrainingRun run) {
        RunConfig config = run.config();
        Sequential net = NetworkBuilder.build(config, config.inputWidth(), config.outputWidth(), new Generator(0),
                new Generator(config.dropoutSeed()));
        List<Integer> layers = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < net.size(); i++) {
            if (net.get(i) instanceof Linear linear) {
                width = linear.outFeatures();
            } else if (net.get(i) instanceof Dropout dropout && dropout.draws()) {
                layers.add(i);
                widths.add(width);
            }
        }
        Map<Integer, Tensor> masks = new LinkedHashMap<>();
        if (layers.isEmpty()) {
            return masks;
        }
        int[] batchRows = run.plannedBatchRows();
        long totalRows = 0;
        for (int rows : batchRows) {
            totalRows += rows;
        }
        double[][] values = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            values[l] = new double[Math.toIntExact(totalRows * widths.get(l))];
        }
        Generator generator = new Generator(config.dropoutSeed()); // drawn again as the lanes draw them
        int[] filled = new int[layers.size()];
        for (int rows : batchRows) {
            for (int l = 0; l < layers.size(); l++) {
                double p = ((Dropout) net.get(layers.get(l))).p();
                double[] mask = Dropout.drawMask(generator, rows * widths.get(l), p);
                System.arraycopy(mask, 0, values[l], filled[l], mask.length);
                filled[l] += mask.length;
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            masks.put(layers.get(l), Tensor.adopt(values[l], (int) totalRows, widths.get(l)));
        }
        return masks;
    }
}
