package org.nnplayground.nn;

import org.nnplayground.tensor.Pointwise;
import org.nnplayground.tensor.Tensor;

/** Self-normalizing ELU: scale·x for x > 0, else scale·α·(e^x − 1) with PyTorch's fixed α and scale; like
 * {@code torch.nn.SELU}. */
public final class SELU extends Module {
    /** PyTorch's constants (Klambauer et al., 2017), to the digits PyTorch writes them. */
    static final double ALPHA = 1.6732632423543772848170429916717;
    static final double SCALE = 1.0507009873554804934193349852946;

    public SELU() {
        super("SELU");
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pointwise.scaledElu(input, ALPHA, SCALE, 1.0, 1.0);
    }
}
