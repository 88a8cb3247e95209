package org.nnplayground.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.io.pytorch.StoredTensor.DType;
import org.nnplayground.io.pytorch.StoredTensor;
import org.nnplayground.io.pytorch.TorchFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.nn.StateDict;
import org.nnplayground.tensor.Tensor;

/**
 * What a run hands to PyTorch: its weights (trained or initial) as a .pt, .safetensors or JSON file, and its
 * data with the exact batch order as a .pt, so the PyTorch script can replay the run number for number.
 */
public final class PytorchExchange {
    private PytorchExchange() {
    }

    /** Network k's current weights. */
    public static byte[] weights(TrainingRun run, int k, WeightFiles.Format format, String name) {
        return WeightFiles.write(run.network(k).stateDict(), format, name);
    }

    /** The weights every network started from. */
    public static byte[] initialWeights(TrainingRun run, WeightFiles.Format format, String name) {
        return WeightFiles.write(run.initialStateDict(), format, name);
    }

    /** Reads a weights file in any format and starts the run from it (see {@link TrainingRun#startFrom}). */
    public static StateDict startFrom(TrainingRun run, byte[] file) {
        StateDict weights = WeightFiles.read(file);
        run.startFrom(weights);
        return weights;
    }

    private static StoredTensor rows(int[] rows) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i];
        }
        return new StoredTensor(DType.INT64, new int[] {rows.length}, values);
    }

    /**
     * {@code {"x": float64 [n, features], "y": float64 [n, 1] or int64 [n] class labels, "order": int64
     * [epochs, training rows] (each epoch's order of the training rows; batches are its consecutive slices; with
     * drop_last, the rows of the last partial batch are not in it),
     * "batch_size": int64 [], "train_rows" and "test_rows": int64 (the split; test_rows is empty without one),
     * and per Dropout (module i of the Sequential) "dropout.i": float32 [Σ batch rows, units], the 0/1 masks of every
     * planned update one below the other (see {@link DropoutMasks})}}.
     * x is as given: a script that standardizes does so itself, with the training rows' statistics.
     * Float64 keeps the data exactly as the run has it; a script turns it into float32 with {@code .float()}.
     */
    public static byte[] data(TrainingRun run, String name) {
        return TorchFile.write(dataTensors(run), name);
    }

    /** The tensors of {@link #data}, before they are written (the browser engine hands them to its toolkit build). */
    public static Map<String, StoredTensor> dataTensors(TrainingRun run) {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        Tensor x = run.data().inputs();
        Tensor y = run.data().targets();
        tensors.put("x", new StoredTensor(DType.FLOAT64, x.shape(), x.toArray()));
        // Class labels whatever the loss (BCE's float column is the script's business, as in PyTorch).
        int n = run.data().size();
        tensors.put("y", run.isClassification() ? new StoredTensor(DType.INT64, new int[] {n}, y.toArray())
                : new StoredTensor(DType.FLOAT64, y.shape(), y.toArray()));
        List<int[]> orders = run.epochOrders();
        int trained = orders.get(0).length; // the training rows, but those drop_last leaves out
        double[] order = new double[orders.size() * trained];
        for (int e = 0; e < orders.size(); e++) {
            for (int i = 0; i < trained; i++) {
                order[e * trained + i] = orders.get(e)[i];
            }
        }
        tensors.put("order", new StoredTensor(DType.INT64, new int[] {orders.size(), trained}, order));
        tensors.put("batch_size", new StoredTensor(DType.INT64, new int[0], new double[] {run.batchSize()}));
        tensors.put("train_rows", rows(run.trainRows()));
        tensors.put("test_rows", rows(run.testRows()));
        for (Map.Entry<Integer, Tensor> masks : DropoutMasks.of(run).entrySet()) {
            Tensor mask = masks.getValue();
            tensors.put("dropout." + masks.getKey(), new StoredTensor(DType.FLOAT32, mask.shape(), mask.storage()));
        }
        return tensors;
    }
}
