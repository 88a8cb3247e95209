package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.nn.StateDict;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * A state dict in any of the three files the playground exchanges: PyTorch's {@code .pt}, {@code .safetensors}
 * (both float32, as PyTorch saves a default model) and the playground's own JSON. Reading recognises the
 * format by its first bytes, so a file's name does not matter.
 */
public final class WeightFiles {
    public enum Format {
        PT("pt", "application/octet-stream"),
        SAFETENSORS("safetensors", "application/octet-stream"),
        JSON("json", "application/json");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** "pt", "safetensors" or "json"; anything else is an error naming the three. */
        public static Format named(String name) {
            for (Format f : values()) {
                if (f.extension.equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be pt, safetensors or json, got " + name);
        }
    }

    private WeightFiles() {
    }

    /** The state dict as a file; archiveName is the folder inside a .pt (PyTorch uses the file's base name). */
    public static byte[] write(StateDict dict, Format format, String archiveName) {
        return switch (format) {
            case PT -> TorchFile.write(tensors(dict), archiveName);
            case SAFETENSORS -> Safetensors.write(tensors(dict));
            default -> StateDictFile.write(dict).getBytes(StandardCharsets.UTF_8);
        };
    }

    public static Format detect(byte[] file) {
        if (TorchFile.looksLike(file)) {
            return Format.PT;
        }
        return Safetensors.looksLike(file) ? Format.SAFETENSORS : Format.JSON;
    }

    public static StateDict read(byte[] file) {
        if (file.length == 0) {
            throw new CodedError("file.empty", "the file is empty");
        }
        if ((file[0] & 0xFF) == 0x80) {
            throw new CodedError("file.legacy", "this is PyTorch's legacy file format (PyTorch before 1.6, or "
                    + "_use_new_zipfile_serialization=False), which is not read; save it again with torch.save(model.state_dict(), path)");
        }
        return switch (detect(file)) {
            case PT -> stateDict(structure(() -> TorchFile.read(file)));
            case SAFETENSORS -> stateDict(structure(() -> Safetensors.read(file)));
            default -> {
                String text = new String(file, StandardCharsets.UTF_8);
                if (!text.trim().startsWith("{")) {
                    throw new CodedError("file.notWeights", "not a weights file: expected PyTorch's .pt, .safetensors or "
                            + "the playground's JSON state dict");
                }
                yield StateDictFile.read(text);
            }
        };
    }

    /**
     * A file's tensors, read by its format's reader. The readers code the refusals a learner meets (a cut-off file, a
     * whole network, a TorchScript archive...); the rest describe a file's damaged insides, and are coded here as
     * such with the reader's words as their detail.
     */
    private static Map<String, StoredTensor> structure(Supplier<Map<String, StoredTensor>> reader) {
        try {
            return reader.get();
        } catch (CodedError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CodedError("file.damaged", e.getMessage(), "detail", e.getMessage());
        }
    }

    /**
     * Every tensor of the state dict as float32, the type PyTorch's layers hold by default; counters (a
     * BatchNorm's num_batches_tracked) as int64, as PyTorch stores them.
     */
    public static Map<String, StoredTensor> tensors(StateDict dict) {
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (String key : dict.keys()) {
            Tensor t = dict.get(key);
            StoredTensor.DType dtype = dict.isInteger(key) ? StoredTensor.DType.INT64 : StoredTensor.DType.FLOAT32;
            out.put(key, new StoredTensor(dtype, t.shape(), t.toArray()));
        }
        return out;
    }

    private static StateDict stateDict(Map<String, StoredTensor> tensors) {
        StateDict dict = new StateDict();
        for (Map.Entry<String, StoredTensor> entry : tensors.entrySet()) {
            StoredTensor t = entry.getValue();
            Tensor value = Tensor.withShape(t.values(), t.shape());
            if (t.dtype().isFloat()) {
                dict.put(entry.getKey(), value);
            } else if (entry.getKey().endsWith("num_batches_tracked")) {
                dict.putInteger(entry.getKey(), value);
            } else {
                throw new CodedError("file.dtype", "\"" + entry.getKey() + "\" holds " + t.dtype().name().toLowerCase()
                        + " values; weights must be float32 or float64 (only a num_batches_tracked counts in integers)",
                        "key", entry.getKey(), "dtype", t.dtype().name().toLowerCase());
            }
        }
        return dict;
    }
}
