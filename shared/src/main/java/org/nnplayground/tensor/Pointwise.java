package org.nnplayground.tensor;

import org.nnplayground.math.PortableMath;

/**
 * Element-by-element functions and their derivatives, with PyTorch's conventions at the kinks
 * (relu'(0) = 0, leaky_relu'(0) = slope, elu'(0) = alpha) and its strict softplus threshold test.
 * Transcendental functions come from {@link PortableMath}, so every platform gets the same bits.
 */
public final class Pointwise {
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_CUBIC = 0.044715;

    private Pointwise() {
    }

    /** A function of one value and the derivative, given the input x and the output y. */
    interface Function {
        double value(double x);

        double derivative(double x, double y);
    }

    static Tensor map(Tensor input, Function f) {
        double[] x = input.data;
        double[] y = ArrayPool.take(x.length, input);
        for (int i = 0; i < x.length; i++) {
            y[i] = f.value(x[i]);
        }
        // Shapes are never changed once made, so the output shares its input's. The backward rule owns g (see
        // Autograd) and turns it into the input's gradient in place.
        return Tensor.derived(y, input.shape, g -> {
            for (int i = 0; i < x.length; i++) {
                g[i] = f.derivative(x[i], y[i]) * g[i];
            }
            input.accumulateGrad(g);
        }, input);
    }

    static Tensor neg(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return -x;
            }

            public double derivative(double x, double y) {
                return -1.0;
            }
        });
    }

    /** x^p; whole exponents use repeated squaring so that every platform rounds alike. */
    static Tensor pow(Tensor input, double exponent) {
        return map(input, new Function() {
            public double value(double x) {
                return PortableMath.pow(x, exponent);
            }

            public double derivative(double x, double y) {
                return exponent == 0 ? 0.0 : exponent * PortableMath.pow(x, exponent - 1);
            }
        });
    }

    static Tensor exp(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return PortableMath.exp(x);
            }

            public double derivative(double x, double y) {
                return y;
            }
        });
    }

    static Tensor log(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return PortableMath.log(x);
            }

            public double derivative(double x, double y) {
                return 1.0 / x;
            }
        });
    }

    /** max(x, 0), with its own loop: it is the hot activation of every course network. */
    public static Tensor relu(Tensor input) {
        double[] x = input.data;
        double[] y = ArrayPool.take(x.length, input);
        for (int i = 0; i < x.length; i++) {
            // Branch-free, and NaN stays NaN as in PyTorch.
            y[i] = Math.max(x[i], 0.0);
        }
        return Tensor.derived(y, input.shape, g -> {
            for (int i = 0; i < x.length; i++) {
                // A select, not a branch: the signs of a layer's inputs follow no pattern a branch predictor learns.
                g[i] = x[i] > 0 ? g[i] : 0.0;
            }
            input.accumulateGrad(g);
        }, input);
    }

    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return map(input, new Function() {
            public double value(double x) {
                return x > 0 ? x : x * negativeSlope;
            }

            public double derivative(double x, double y) {
                return x > 0 ? 1.0 : negativeSlope;
            }
        });
    }

    /** |x|, with PyTorch's gradient sign(x), which is 0 at 0. */
    public static Tensor abs(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return Math.abs(x);
            }

            public double derivative(double x, double y) {
                return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
            }
        });
    }

    public static Tensor sigmoid(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return sigmoidOf(x);
            }

            public double derivative(double x, double y) {
                return y * (1.0 - y);
            }
        });
    }

    /** 1/(1 + e^−x), written so that neither branch overflows. */
    public static double sigmoidOf(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + PortableMath.exp(-x));
        }
        double e = PortableMath.exp(x);
        return e / (1.0 + e);
    }

    public static Tensor tanh(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return PortableMath.tanh(x);
            }

            public double derivative(double x, double y) {
                return 1.0 - y * y;
            }
        });
    }

    public static Tensor elu(Tensor input, double alpha) {
        return map(input, new Function() {
            public double value(double x) {
                return x > 0 ? x : alpha * PortableMath.expm1(x);
            }

            public double derivative(double x, double y) {
                return x > 0 ? 1.0 : alpha * PortableMath.exp(x);
            }
        });
    }

    /** x·Φ(x) with the exact error function (PyTorch's approximate='none'). */
    public static Tensor gelu(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return x * 0.5 * (1.0 + PortableMath.erf(x * SQRT_HALF));
            }

            public double derivative(double x, double y) {
                double cdf = 0.5 * (1.0 + PortableMath.erf(x * SQRT_HALF));
                double pdf = PortableMath.exp(-0.5 * x * x) * INV_SQRT_2PI;
                return cdf + pdf * x;
            }
        });
    }

    /** 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))) (PyTorch's approximate='tanh'). */
    public static Tensor geluTanh(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                double inner = SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x);
                return 0.5 * x * (1.0 + PortableMath.tanh(inner));
            }

            public double derivative(double x, double y) {
                double inner = SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x);
                double t = PortableMath.tanh(inner);
                double dInner = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_CUBIC * x * x);
                return 0.5 * (1.0 + t) + dInner * 0.5 * x * (1.0 - t * t);
            }
        });
    }

    /** log(1 + e^(βx))/β, and x itself once βx exceeds the threshold. */
    public static Tensor softplus(Tensor input, double beta, double threshold) {
        return map(input, new Function() {
            public double value(double x) {
                double bx = x * beta;
                return bx > threshold ? x : PortableMath.log1p(PortableMath.exp(bx)) / beta;
            }

            public double derivative(double x, double y) {
                double bx = x * beta;
                return bx > threshold ? 1.0 : sigmoidOf(bx);
            }
        });
    }

    /** x·σ(x) (SiLU, also called swish), computed as PyTorch does: x / (1 + e^−x). */
    public static Tensor silu(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return x / (1.0 + PortableMath.exp(-x));
            }

            public double derivative(double x, double y) {
                double sigmoid = 1.0 / (1.0 + PortableMath.exp(-x));
                return sigmoid * (1.0 + x * (1.0 - sigmoid));
            }
        });
    }

    /** x·tanh(softplus(x)) (Mish), softplus here without a threshold, as PyTorch computes it. */
    public static Tensor mish(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return x * PortableMath.tanh(PortableMath.log1p(PortableMath.exp(x)));
            }

            public double derivative(double x, double y) {
                double sigmoid = 1.0 / (1.0 + PortableMath.exp(-x));
                double t = PortableMath.tanh(PortableMath.log1p(PortableMath.exp(x)));
                return t + x * sigmoid * (1.0 - t * t);
            }
        });
    }

    /** x clamped to [min, max]; its gradient is zero at and beyond either bound, as in PyTorch. */
    public static Tensor hardtanh(Tensor input, double min, double max) {
        return map(input, new Function() {
            public double value(double x) {
                return x < min ? min : x > max ? max : x;
            }

            public double derivative(double x, double y) {
                return x <= min || x >= max ? 0.0 : 1.0;
            }
        });
    }

    /**
     * PyTorch's ELU family with its three coefficients: scale·x for x > 0, else α·scale·(e^(x·inputScale) − 1).
     * SELU and CELU are this with fixed or derived coefficients; the products are formed as PyTorch forms them.
     * The gradient takes its own input scale: PyTorch 1.13 differentiates CELU with 1/α of α rounded to float32
     * (derivatives.yaml: {@code 1.0/alpha.toFloat()}), while its forward pass uses 1/α in double.
     */
    public static Tensor scaledElu(Tensor input, double alpha, double scale, double inputScale, double gradInputScale) {
        double negative = alpha * scale;
        return map(input, new Function() {
            public double value(double x) {
                return x > 0 ? x * scale : PortableMath.expm1(x * inputScale) * negative;
            }

            public double derivative(double x, double y) {
                return x > 0 ? scale : gradInputScale * negative * PortableMath.exp(x * gradInputScale);
            }
        });
    }

    public static Tensor identity(Tensor input) {
        return map(input, new Function() {
            public double value(double x) {
                return x;
            }

            public double derivative(double x, double y) {
                return 1.0;
            }
        });
    }
}
