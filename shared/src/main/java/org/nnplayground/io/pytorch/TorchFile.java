package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.text.CodedError;

/**
 * PyTorch's own file format, as {@code torch.save(dict_of_tensors, "model.pt")} writes it and
 * {@code torch.load} reads it: a zip archive {@code <name>/data.pkl} (the pickle), {@code <name>/data/<key>}
 * (each tensor's raw little-endian values), {@code <name>/byteorder} and {@code <name>/version}.
 */
public final class TorchFile {
    /** The largest tensor read, so a hostile file cannot exhaust memory. */
    public static final long MAX_ELEMENTS = 16_000_000;

    private TorchFile() {
    }

    /** True if the bytes start like a zip archive, as every torch.save file since PyTorch 1.6 does. */
    public static boolean looksLike(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /** A file {@code torch.load} reads as an OrderedDict of these tensors, in this order. */
    public static byte[] write(Map<String, StoredTensor> tensors, String archiveName) {
        List<String> names = new ArrayList<>(tensors.keySet());
        List<StoredTensor> values = new ArrayList<>(tensors.values());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(archiveName + "/data.pkl", StateDictPickle.write(names, values));
        entries.put(archiveName + "/byteorder", "little".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < values.size(); i++) {
            StoredTensor t = values.get(i);
            Bytes data = new Bytes();
            for (double v : t.values()) {
                t.dtype().write(data, v);
            }
            entries.put(archiveName + "/data/" + i, data.toArray());
        }
        entries.put(archiveName + "/version", "3\n".getBytes(StandardCharsets.UTF_8));
        return StoredZip.write(entries);
    }

    /** The tensors of a state dict saved by torch.save, by key, in the file's order. */
    public static Map<String, StoredTensor> read(byte[] file) {
        return read(file, MAX_ELEMENTS);
    }

    /**
     * The same with at most {@code maxValues} values over all the file's tensors: a view of stride 0 spreads one
     * stored value over many, so a 1.6 KB file of such views would otherwise take gigabytes.
     */
    static Map<String, StoredTensor> read(byte[] file, long maxValues) {
        Map<String, byte[]> entries = StoredZip.read(file);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the archive is empty");
        }
        String first = entries.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a PyTorch file: its entries are not inside one folder");
        }
        String prefix = first.substring(0, slash + 1);
        for (String name : entries.keySet()) {
            if (!name.startsWith(prefix)) {
                throw new IllegalArgumentException("not a PyTorch file: entry " + name + " lies outside " + prefix);
            }
        }
        byte[] pickle = entries.get(prefix + "data.pkl");
        if (pickle == null) {
            throw new CodedError("file.torchScript", "not a PyTorch file: it has no data.pkl (is it a TorchScript archive?)");
        }
        byte[] order = entries.get(prefix + "byteorder");
        if (order != null && !new String(order, StandardCharsets.UTF_8).equals("little")) {
            throw new CodedError("file.bigEndian", "the file's tensors are big-endian; only little-endian files are read");
        }
        Object root = WeightsOnlyUnpickler.read(pickle);
        if (!(root instanceof Map)) {
            throw new CodedError("file.notStateDict", "the file holds " + describe(root) + ", not a state dict (a dictionary "
                    + "of tensors)", "holds", describe(root));
        }
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        long left = maxValues;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) root).entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new IllegalArgumentException("a state dict's keys are strings; this file has " + describe(entry.getKey()));
            }
            String key = (String) entry.getKey();
            if (entry.getValue() instanceof Map) {
                throw new CodedError("file.checkpointDict", "\"" + key + "\" holds a dictionary, not a tensor (save "
                        + "model.state_dict(), not a whole checkpoint dictionary)", "key", key);
            }
            if (!(entry.getValue() instanceof WeightsOnlyUnpickler.View)) {
                throw new CodedError("file.notTensor", "\"" + key + "\" holds " + describe(entry.getValue()) + ", not a tensor",
                        "key", key, "holds", describe(entry.getValue()));
            }
            StoredTensor tensor = materialise(key, (WeightsOnlyUnpickler.View) entry.getValue(), entries, prefix, left,
                    maxValues);
            left -= tensor.values().length;
            out.put(key, tensor);
        }
        return out;
    }

    /**
     * Gathers a view's values from its storage, checking that every index lies inside the storage and that the
     * file's tensors stay within their budget of values.
     */
    private static StoredTensor materialise(String key, WeightsOnlyUnpickler.View view, Map<String, byte[]> entries,
            String prefix, long left, long budget) {
        WeightsOnlyUnpickler.Storage storage = view.storage;
        byte[] data = entries.get(prefix + "data/" + storage.key);
        if (data == null) {
            throw new IllegalArgumentException("\"" + key + "\": the archive has no data/" + storage.key);
        }
        // Divided, not multiplied: a claimed length near 2^63 must not wrap around and pass.
        if (storage.numel < 0 || storage.numel > data.length / storage.dtype.bytes) {
            throw new IllegalArgumentException("\"" + key + "\": its storage holds " + data.length / storage.dtype.bytes
                    + " values but claims " + storage.numel);
        }
        int dims = view.shape.length;
        if (view.stride.length != dims) {
            throw new IllegalArgumentException("\"" + key + "\": size and stride differ in length");
        }
        long count = 1;
        long last = view.offset;
        int[] shape = new int[dims];
        // Every product and sum exact: sizes, strides and offsets come from the file, up to 2^63.
        for (int d = 0; d < dims; d++) {
            if (view.shape[d] < 0 || view.stride[d] < 0) {
                throw new IllegalArgumentException("\"" + key + "\": negative size or stride");
            }
            if (view.shape[d] > MAX_ELEMENTS || (count = count * view.shape[d]) > MAX_ELEMENTS) {
                throw new IllegalArgumentException("\"" + key + "\" has more than " + MAX_ELEMENTS + " values");
            }
            try {
                last = Math.addExact(last, Math.multiplyExact(Math.max(view.shape[d] - 1, 0), view.stride[d]));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("\"" + key + "\" reaches past the end of its storage");
            }
            shape[d] = (int) view.shape[d];
        }
        if (count > 0 && (view.offset < 0 || last >= storage.numel)) {
            throw new IllegalArgumentException("\"" + key + "\" reaches past the end of its storage");
        }
        if (count > left) {
            throw new IllegalArgumentException("\"" + key + "\" takes the file past " + budget + " values in all; "
                    + "a file this size is not a state dict to train from");
        }
        double[] values = new double[(int) count];
        int[] index = new int[dims];
        for (int i = 0; i < values.length; i++) {
            long position = view.offset;
            for (int d = 0; d < dims; d++) {
                position += index[d] * view.stride[d];
            }
            values[i] = storage.dtype.read(data, position * storage.dtype.bytes);
            for (int d = dims - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return new StoredTensor(storage.dtype, shape, values);
    }

    private static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof WeightsOnlyUnpickler.View) {
            return "a tensor";
        }
        if (o instanceof Map) {
            return "a dictionary";
        }
        if (o instanceof String) {
            return "the text \"" + o + "\"";
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof Long || o instanceof Double || o instanceof java.math.BigInteger) {
            return "the number " + o;
        }
        // Python's words for what the file holds, as a PyTorch user would print it.
        if (o instanceof List) {
            return "a list";
        }
        if (o instanceof WeightsOnlyUnpickler.Tuple) {
            return "a tuple";
        }
        if (o instanceof WeightsOnlyUnpickler.Storage) {
            return "a storage (tensor data without its shape)";
        }
        if (o instanceof WeightsOnlyUnpickler.Global g) {
            return "a reference to " + g.name;
        }
        return o instanceof byte[] ? "bytes" : "a value that is not a tensor";
    }
}
