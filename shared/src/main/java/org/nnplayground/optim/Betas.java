package org.nnplayground.optim;

import org.nnplayground.text.PythonText;

/** The check PyTorch makes of an Adam-like optimizer's betas: each in [0, 1). */
final class Betas {
    private Betas() {
    }

    static void check(double beta1, double beta2) {
        check(beta1, 0);
        check(beta2, 1);
    }

    static void check(double beta, int index) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + PythonText.repr(beta));
        }
    }
}
