package org.nnplayground.run;

import org.nnplayground.tensor.Tensor;

/** Classification accuracy from logits: two columns (softmax) or one (sigmoid, threshold at logit 0). */
public final class Metrics {
    private Metrics() {
    }

    public static double accuracy(Tensor logits, Tensor targets) {
        double[] z = logits.storage();
        double[] t = targets.storage();
        int rows = logits.size(0);
        int cols = logits.size(1);
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            int predicted;
            if (cols == 1) {
                predicted = z[i] > 0 ? 1 : 0;
            } else {
                predicted = 0;
                for (int c = 1; c < cols; c++) {
                    if (z[i * cols + c] > z[i * cols + predicted]) {
                        predicted = c;
                    }
                }
            }
            correct += predicted == t[i] ? 1 : 0;
        }
        return rows == 0 ? 0 : correct / (double) rows;
    }
}
