package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.text.CodedError;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header
 * {@code {"name": {"dtype": "F32", "shape": [10, 1], "data_offsets": [begin, end]}, "__metadata__": {...}}},
 * then the tensors' raw little-endian bytes, which must exactly fill the rest of the file.
 */
public final class Safetensors {
    private static final long MAX_HEADER = 100_000_000;

    private Safetensors() {
    }

    /**
     * True if the bytes start like a safetensors file: a header length that fits the file, then '{'.
     */
    public static boolean looksLike(byte[] file) {
        if (file.length < 10) {
            return false;
        }
        long length = Bytes.i64(file, 0);
        return length > 0 && length <= file.length - 8 && file[8] == '{';
    }

    public static byte[] write(Map<String, StoredTensor> tensors) {
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        header.put("__metadata__", metadata);
        Bytes data = new Bytes();
        for (Map.Entry<String, StoredTensor> entry : tensors.entrySet()) {
            StoredTensor t = entry.getValue();
            int begin = data.size();
            for (double v : t.values()) {
                t.dtype().write(data, v);
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", t.dtype().safetensorsName);
            info.put("shape", t.shape());
            info.put("data_offsets", new int[] {begin, data.size()});
            header.put(entry.getKey(), info);
        }
        StringBuilder json = new StringBuilder(JsonWriter.write(header));
        while ((json.length() + 8) % 8 != 0) {
            json.append(' '); // the data starts 8-byte aligned, as the reference writer pads it
        }
        byte[] headerBytes = json.toString().getBytes(StandardCharsets.UTF_8);
        return new Bytes().u64(headerBytes.length).bytes(headerBytes).bytes(data.toArray()).toArray();
    }

    public static Map<String, StoredTensor> read(byte[] file) {
        if (file.length < 8) {
            throw new IllegalArgumentException("not a safetensors file: shorter than its 8-byte header length");
        }
        long length = Bytes.i64(file, 0);
        if (length <= 0 || length > MAX_HEADER || length > file.length - 8L) {
            throw new IllegalArgumentException("not a safetensors file: its header length " + length
                    + " does not fit the file's " + file.length + " bytes (truncated?)");
        }
        Object parsed;
        try {
            parsed = Json.parse(new String(file, 8, (int) length, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a safetensors file: its header is not JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("not a safetensors file: its header is not a JSON object");
        }
        long dataStart = 8 + length;
        long dataLength = file.length - dataStart;
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        List<long[]> spans = new ArrayList<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) parsed).entrySet()) {
            String name = (String) entry.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            out.put(name, tensor(name, entry.getValue(), file, dataStart, dataLength, spans));
        }
        checkCovered(spans, dataLength);
        return out;
    }

    private static StoredTensor tensor(String name, Object value, byte[] file, long dataStart, long dataLength,
            List<long[]> spans) {
        String where = "tensor \"" + name + "\"";
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be described by a JSON object");
        }
        Map<?, ?> info = (Map<?, ?>) value;
        StoredTensor.DType dtype = info.get("dtype") instanceof String
                ? StoredTensor.DType.ofSafetensors((String) info.get("dtype")) : null;
        if (dtype == null) {
            throw new CodedError("file.safetensorsDtype", where + " has dtype " + info.get("dtype") + "; F32, F64, I64 and "
                    + "I32 are read", "key", name, "dtype", info.get("dtype"));
        }
        long[] shape = whole(info.get("shape"), where + ".shape");
        long[] offsets = whole(info.get("data_offsets"), where + ".data_offsets");
        if (offsets.length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength) {
            throw new IllegalArgumentException(where + " has data_offsets outside the file's data (truncated?)");
        }
        long count = 1;
        int[] dims = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            count *= shape[d];
            if (count > TorchFile.MAX_ELEMENTS) {
                throw new IllegalArgumentException(where + " has more than " + TorchFile.MAX_ELEMENTS + " values");
            }
            dims[d] = (int) shape[d];
        }
        if (count * dtype.bytes != offsets[1] - offsets[0]) {
            throw new IllegalArgumentException(where + " has " + count + " values but " + (offsets[1] - offsets[0])
                    + " bytes of data");
        }
        spans.add(offsets);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = dtype.read(file, dataStart + offsets[0] + (long) i * dtype.bytes);
        }
        return new StoredTensor(dtype, dims, values);
    }

    /** The tensors' bytes must fill the data exactly, without gaps or overlaps, as the format requires. */
    private static void checkCovered(List<long[]> spans, long dataLength) {
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long end = 0;
        for (long[] span : spans) {
            if (span[0] != end) {
                throw new IllegalArgumentException("the tensors' data overlaps or leaves a gap at byte " + end);
            }
            end = span[1];
        }
        if (end != dataLength) {
            throw new IllegalArgumentException("the file has " + (dataLength - end) + " bytes after its last tensor");
        }
    }

    private static long[] whole(Object json, String where) {
        if (!(json instanceof List)) {
            throw new IllegalArgumentException(where + " must be a list of whole numbers");
        }
        List<?> list = (List<?>) json;
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Double) || (Double) v < 0 || (Double) v != Math.floor((Double) v) || (Double) v > 1e15) {
                throw new IllegalArgumentException(where + " must be a list of whole numbers");
            }
            out[i] = (long) (double) (Double) v;
        }
        return out;
    }
}
