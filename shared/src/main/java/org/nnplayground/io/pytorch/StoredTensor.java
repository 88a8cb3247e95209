package org.nnplayground.io.pytorch;

/**
 * A tensor as a file holds it: its element type, shape and values (row-major). Values are doubles in
 * memory whatever the file's type; whole numbers up to 2^53 survive that exactly.
 */
public final class StoredTensor {
    private final DType dtype;
    private final int[] shape;
    private final double[] values;

    public StoredTensor(DType dtype, int[] shape, double[] values) {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("a tensor of " + count + " values was given " + values.length);
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.values = values;
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public double[] values() {
        return values;
    }

    /** The element types both file formats carry here, with their names in each. */
    public enum DType {
        FLOAT32(4, "FloatStorage", "F32"),
        FLOAT64(8, "DoubleStorage", "F64"),
        INT64(8, "LongStorage", "I64"),
        INT32(4, "IntStorage", "I32");

        final int bytes;
        final String torchStorage;
        final String safetensorsName;

        DType(int bytes, String torchStorage, String safetensorsName) {
            this.bytes = bytes;
            this.torchStorage = torchStorage;
            this.safetensorsName = safetensorsName;
        }

        boolean isFloat() {
            return this == FLOAT32 || this == FLOAT64;
        }

        static DType ofTorchStorage(String name) {
            for (DType t : values()) {
                if (t.torchStorage.equals(name)) {
                    return t;
                }
            }
            return null;
        }

        static DType ofSafetensors(String name) {
            for (DType t : values()) {
                if (t.safetensorsName.equals(name)) {
                    return t;
                }
            }
            return null;
        }

        void write(Bytes out, double value) {
            switch (this) {
                case FLOAT32 -> out.u32(Float.floatToRawIntBits((float) value));
                case FLOAT64 -> out.u64(Double.doubleToRawLongBits(value));
                case INT64 -> out.u64((long) value);
                default -> out.u32((int) value);
            }
        }

        double read(byte[] b, long at) {
            return switch (this) {
                case FLOAT32 -> Float.intBitsToFloat((int) Bytes.u32(b, at));
                case FLOAT64 -> Double.longBitsToDouble(Bytes.i64(b, at));
                case INT64 -> Bytes.i64(b, at);
                default -> (int) Bytes.u32(b, at);
            };
        }
    }
}
