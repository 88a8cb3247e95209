package org.nnplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.nnplayground.io.CheckpointFile;
import org.nnplayground.io.StateDictFile;
import org.nnplayground.io.pytorch.WeightFiles;
import org.nnplayground.json.Json;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.random.Generator;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.text.CodedError;

/**
 * The refusals of a file a learner loads into a page (the playground's JSON, PyTorch's .pt and .safetensors) and of a
 * dataset given in a configuration: each has its code, its English words are the core's message, and its Chinese
 * says every parameter.
 */
class FileErrorCataloguesTest {
    private static final String CHECKPOINT = CheckpointFile.write(new Sequential(new Linear(1, 4, new Generator(1)),
            new ReLU(), new Linear(4, 1, new Generator(2))));

    private static CodedError checkpoint(String text) {
        return assertThrows(CodedError.class, () -> CheckpointFile.read(text));
    }

    private static CodedError weights(byte[] file) {
        return assertThrows(CodedError.class, () -> WeightFiles.read(file));
    }

    /** The checkpoint with one of its values replaced: {@code path} is keys and list indices from the top. */
    @SuppressWarnings("unchecked")
    private static String checkpointWith(Object value, Object... path) {
        Object node = Json.parse(CHECKPOINT);
        Object top = node;
        for (int i = 0; i < path.length - 1; i++) {
            node = path[i] instanceof Integer k ? ((List<Object>) node).get(k) : ((Map<String, Object>) node).get(path[i]);
        }
        Object last = path[path.length - 1];
        if (last instanceof Integer k) {
            ((List<Object>) node).set(k, value);
        } else {
            ((Map<String, Object>) node).put((String) last, value);
        }
        return JsonWriter.write(top);
    }

    /** A zip of stored (uncompressed) entries, as torch.save writes its archive. */
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCompressedSize(e.getValue().length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A .pt archive whose data.pkl is {@code pickle} (protocol 2, ending in STOP). */
    private static byte[] pt(String pickle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m/data.pkl", ("\u0080\u0002" + pickle + ".").getBytes(StandardCharsets.ISO_8859_1));
        entries.put("m/version", "3\n".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    private static byte[] safetensors(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json).array();
    }

    @Test
    void aDamagedOrForeignModelFileIsSaidInBothLanguages() throws IOException {
        List<CodedError> errors = new ArrayList<>();
        errors.add(checkpoint("{\"format\": \"nn-playground/checkpoint\""));
        errors.add(checkpoint("{\"format\": nn}"));
        errors.add(checkpoint(StateDictFile.write(CheckpointFile.read(CHECKPOINT).model().stateDict())));
        errors.add(checkpoint("{\"format\": \"keras\", \"version\": 1}"));
        errors.add(checkpoint(checkpointWith(2.0, "version")));
        errors.add(assertThrows(CodedError.class, () -> CheckpointFile.read(CHECKPOINT, 5)));
        Object nested = Json.parse("{\"type\": \"ReLU\"}");
        for (int depth = 0; depth < 10; depth++) {
            nested = Map.of("type", "Sequential", "layers", List.of(nested));
        }
        errors.add(checkpoint(checkpointWith(nested, "architecture")));
        errors.add(checkpoint(checkpointWith(java.util.Collections.nCopies(1001, Map.of("type", "ReLU")), "architecture", "layers")));
        errors.add(checkpoint(checkpointWith(List.of(-1.0), "state_dict", "0.bias", "shape")));
        errors.add(checkpoint(checkpointWith(List.of(100000.0, 100000.0), "state_dict", "0.bias", "shape")));
        errors.add(checkpoint(checkpointWith(List.of(3.0), "state_dict", "0.bias", "shape")));
        assertEquals(List.of("json.truncated", "json.syntax", "file.otherKind", "file.format", "file.version",
                "file.tooManyParameters", "file.nesting", "file.tooManyLayers", "file.tensorSize", "file.tooManyValues",
                "file.tensorData"), errors.stream().map(CodedError::code).toList());
        Catalogues.assertSaidInBoth(errors);
    }

    @Test
    void aPytorchFileALearnerMightPickIsSaidInBothLanguages() throws IOException {
        byte[] good = WeightFiles.write(CheckpointFile.read(CHECKPOINT).model().stateDict(), WeightFiles.Format.PT, "m");
        List<CodedError> errors = new ArrayList<>();
        errors.add(weights(java.util.Arrays.copyOf(good, good.length - 30)));
        errors.add(weights(zip(Map.of("m/version", "3\n".getBytes(StandardCharsets.UTF_8)))));
        errors.add(weights(pt("c__main__\nNet\n")));
        errors.add(weights(pt("cposix\nsystem\n")));
        errors.add(weights(pt("]")));
        errors.add(weights(pt("}(X\u0005\u0000\u0000\u0000model}u")));
        errors.add(weights(pt("}(X\u0001\u0000\u0000\u0000wK\u0003u")));
        errors.add(weights(pt("}(X\u0001\u0000\u0000\u0000w")));
        errors.add(weights(safetensors("{\"w\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2)));
        errors.add(weights(safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,40]}}", 4)));
        assertEquals(List.of("file.truncated", "file.torchScript", "file.wholeNetwork", "file.refusedGlobal", "file.notStateDict",
                "file.checkpointDict", "file.notTensor", "file.damaged", "file.safetensorsDtype", "file.damaged"),
                errors.stream().map(CodedError::code).toList());
        Catalogues.assertSaidInBoth(errors);
    }

    @Test
    void aDatasetGivenInAConfigurationIsSaidInBothLanguages() throws IOException {
        String run = "{\"dataset\":{\"name\":\"custom\",%s},\"layers\":[],\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"steps\":1}";
        List<CodedError> errors = new ArrayList<>();
        for (String bad : List.of("\"inputs\":[1,2],\"targets\":[0,1],\"classes\":[\"a\",\"b\"],\"outputs\":2",
                "\"inputs\":[1],\"targets\":[1],\"features\":20,\"outputs\":20",
                "\"inputs\":[1],\"targets\":[1],\"columns\":[\"x\"]",
                "\"inputs\":[1,2],\"targets\":[0],\"classes\":[\"a\",\"a\"]",
                "\"inputs\":[1,2,3],\"targets\":[1,2]",
                "\"inputs\":[1,2,3,4],\"targets\":[0,2],\"classes\":[\"a\",\"b\"]")) {
            errors.add(assertThrows(CodedError.class, () -> RunConfigJson.parse(String.format(run, bad))));
        }
        assertEquals(List.of("config.dataset.outputs", "config.dataset.columns", "config.dataset.names", "config.dataset.classes",
                "config.dataset.points", "config.dataset.label"), errors.stream().map(CodedError::code).toList());
        Catalogues.assertSaidInBoth(errors);
    }
}
