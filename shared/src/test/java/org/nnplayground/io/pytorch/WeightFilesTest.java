package org.nnplayground.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.course.Net;
import org.nnplayground.nn.StateDict;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/**
 * .pt and .safetensors files round-trip at float32 precision, and the readers refuse every hostile or damaged
 * file with a message. Files written by real PyTorch are checked in the e2e module's interop test.
 */
class WeightFilesTest {
    private final StateDict dict = new Net(1, 10, 1, new Generator(3)).stateDict();

    @Test
    void ptAndSafetensorsRoundTripAtFloat32() {
        for (WeightFiles.Format format : WeightFiles.Format.values()) {
            StateDict back = WeightFiles.read(WeightFiles.write(dict, format, "model"));
            assertEquals(dict.keys(), back.keys(), format.name());
            for (String key : dict.keys()) {
                assertArrayEquals(dict.get(key).shape(), back.get(key).shape());
                double[] original = dict.get(key).toArray();
                double[] read = back.get(key).toArray();
                for (int i = 0; i < original.length; i++) {
                    double expected = format == WeightFiles.Format.JSON ? original[i] : (float) original[i];
                    assertEquals(expected, read[i], 0.0, format + " " + key + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void aZeroDimensionalTensorComesBackZeroDimensionalFromEveryFormat() {
        StateDict scalar = new StateDict();
        scalar.put("num_batches_tracked", Tensor.scalar(7));
        for (WeightFiles.Format format : WeightFiles.Format.values()) {
            Tensor back = WeightFiles.read(WeightFiles.write(scalar, format, "model")).get("num_batches_tracked");
            assertEquals(0, back.dim(), format + " keeps the shape []");
            assertEquals(7, back.item());
        }
        Tensor fromJson = org.nnplayground.io.StateDictFile.read(org.nnplayground.io.StateDictFile.write(scalar))
                .get("num_batches_tracked");
        assertEquals(0, fromJson.dim(), "JSON keeps the shape []");
    }

    @Test
    void theFormatIsRecognisedByContentNotName() {
        assertEquals(WeightFiles.Format.PT, WeightFiles.detect(WeightFiles.write(dict, WeightFiles.Format.PT, "a")));
        assertEquals(WeightFiles.Format.SAFETENSORS,
                WeightFiles.detect(WeightFiles.write(dict, WeightFiles.Format.SAFETENSORS, "a")));
        assertEquals(WeightFiles.Format.JSON, WeightFiles.detect(WeightFiles.write(dict, WeightFiles.Format.JSON, "a")));
        assertEquals("format must be pt, safetensors or json, got onnx",
                assertThrows(IllegalArgumentException.class, () -> WeightFiles.Format.named("onnx")).getMessage());
    }

    @Test
    void ptEntriesAreAlignedAndChecksummed() {
        byte[] file = WeightFiles.write(dict, WeightFiles.Format.PT, "model");
        Map<String, byte[]> entries = StoredZip.read(file);
        assertEquals("[model/data.pkl, model/byteorder, model/data/0, model/data/1, model/data/2, model/data/3, "
                + "model/version]", entries.keySet().toString());
        assertEquals("3\n", new String(entries.get("model/version"), StandardCharsets.UTF_8));
        byte[] damaged = file.clone();
        damaged[indexOf(file, entries.get("model/data/0"))] ^= 1;
        assertMessage(damaged, "entry model/data/0 is damaged (its checksum does not match)");
    }

    @Test
    void aStridedViewIsGatheredAsPytorchWouldReadIt() {
        // A transposed 2x3 view of storage [0..5]: size (2, 3), stride (1, 2).
        WeightsOnlyUnpickler.Storage storage = new WeightsOnlyUnpickler.Storage(StoredTensor.DType.FLOAT32, "0", 6);
        byte[] pickle = pickleWithView("torch\nFloatStorage\n", 6, new int[] {2, 3}, new int[] {1, 2});
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m/data.pkl", pickle);
        Bytes data = new Bytes();
        for (int i = 0; i < 6; i++) {
            StoredTensor.DType.FLOAT32.write(data, i);
        }
        entries.put("m/data/0", data.toArray());
        entries.put("m/version", "3\n".getBytes(StandardCharsets.UTF_8));
        StoredTensor t = TorchFile.read(StoredZip.write(entries)).get("w");
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertArrayEquals(new double[] {0, 2, 4, 1, 3, 5}, t.values());
        assertEquals(6, storage.numel);
    }

    /**
     * Sizes, strides, offsets and storage lengths near 2^63 are checked without overflow against the bytes really
     * stored: a storage claiming 2^62 + 6 floats with a view at offset 2^40 used to wrap around and be read from
     * the wrong positions (PyTorch refuses the file).
     */
    @Test
    void viewsPastTheStoredBytesAreRefusedWithoutOverflow() {
        long[] small = {2, 3};
        Object[][] cases = {
            {(1L << 62) + 6, 1L << 40, small, new long[] {1, 2}, "values but claims"},
            {6L, 0L, small, new long[] {1L << 62, 1}, "reaches past the end of its storage"},
            {6L, 0L, new long[] {1L << 40, 1L << 40}, new long[] {1, 1}, "has more than"},
            {6L, Long.MAX_VALUE, small, new long[] {1, 2}, "reaches past the end of its storage"},
        };
        for (Object[] c : cases) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("m/data.pkl", pickleWithView("torch\nFloatStorage\n", (Long) c[0], (Long) c[1], (long[]) c[2], (long[]) c[3]));
            Bytes data = new Bytes();
            for (int i = 0; i < 6; i++) {
                StoredTensor.DType.FLOAT32.write(data, i);
            }
            entries.put("m/data/0", data.toArray());
            entries.put("m/version", "3\n".getBytes(StandardCharsets.UTF_8));
            String message = assertThrows(IllegalArgumentException.class, () -> TorchFile.read(StoredZip.write(entries))).getMessage();
            assertTrue(message.contains((String) c[4]), message);
        }
    }

    /** Two directory entries pointing at one entry's data (thousands of them copied one entry thousands of times). */
    @Test
    void entriesSharingTheirDataAreRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] same = new byte[1000];
        entries.put("m/a", same);
        entries.put("m/b", same);
        byte[] zip = StoredZip.write(entries);
        int first = indexOf(zip, new byte[] {'P', 'K', 1, 2});
        int second = indexOf(java.util.Arrays.copyOfRange(zip, first + 4, zip.length), new byte[] {'P', 'K', 1, 2}) + first + 4;
        System.arraycopy(zip, first + 42, zip, second + 42, 4); // b's data is a's
        String message = assertThrows(IllegalArgumentException.class, () -> StoredZip.read(zip)).getMessage();
        assertEquals("entry m/b shares its data with another entry; a saved file's entries each have their own", message);
        assertEquals(2, StoredZip.read(StoredZip.write(entries)).size(), "the same two entries, each with its own data, read");
    }

    /** A list that contains itself, or nests 60,000 deep, used as a dictionary key: refused by name, not a crash. */
    @Test
    void listKeysAreRefusedBeforeTheyAreHashed() {
        // {x: 1} where x = []; x.append(x)
        byte[] selfContaining = {(byte) 0x80, 2, '}', ']', 'q', 0, 'h', 0, 'a', 'K', 1, 's', '.'};
        Bytes deep = new Bytes().u8(0x80).u8(2).u8('}');
        for (int i = 0; i < 60_000; i++) {
            deep.u8(']');
        }
        for (int i = 1; i < 60_000; i++) {
            deep.u8('a');
        }
        deep.u8('K').u8(1).u8('s').u8('.');
        for (byte[] pickle : new byte[][] {selfContaining, deep.toArray()}) {
            String message = assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(pickle))).getMessage();
            assertTrue(message.contains("a dictionary key must be text or a number in a state dict, not a list"), message);
        }
    }

    @Test
    void globalsOutsideAStateDictAreRefusedAndNeverRun() {
        for (String global : new String[] {"os\nsystem\n", "builtins\neval\n", "posix\nsystem\n", "torch\nload\n",
                "subprocess\nPopen\n"}) {
            byte[] pickle = concat(new byte[] {(byte) 0x80, 2, 'c'}, global.getBytes(StandardCharsets.UTF_8),
                    new byte[] {'X', 4, 0, 0, 0}, "ls -l".substring(0, 4).getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0x85, 'R', '.'});
            String name = global.trim().replace('\n', '.');
            String message = assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(pickle))).getMessage();
            assertTrue(message.startsWith("refused: the file asks for " + name + ", which a state dict"), message);
            assertTrue(message.endsWith("nothing in the file was run"), message);
        }
    }

    @Test
    void codeCarryingOpcodesAreRefused() {
        // INST, OBJ, NEWOBJ, EXT1, the text persistent id and the plain STRING opcode.
        for (int opcode : new int[] {'i', 'o', 0x81, 0x82, 'P', 'S'}) {
            byte[] pickle = {(byte) 0x80, 2, (byte) opcode, '.'};
            String message = assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(pickle))).getMessage();
            assertEquals(String.format("not a weights-only PyTorch file: opcode 0x%02x at byte 2 is not allowed in a "
                    + "weights-only file", opcode), message);
        }
    }

    @Test
    void damagedArchivesAreRefusedWithAMessage() {
        byte[] file = WeightFiles.write(dict, WeightFiles.Format.PT, "model");
        assertMessage(java.util.Arrays.copyOf(file, file.length / 2),
                "not a complete zip archive (its end record is missing; truncated?)");
        assertMessage(java.util.Arrays.copyOf(file, 10), "not a complete zip archive (its end record is missing; truncated?)");
        assertMessage(new byte[0], "the file is empty");
        // A directory that claims an entry larger than the whole file.
        byte[] oversized = file.clone();
        int central = lastIndexOf(file, new byte[] {'P', 'K', 1, 2});
        for (int at : new int[] {central + 22, central + 26}) { // the high bytes of both sizes
            oversized[at] = (byte) 0xFF;
            oversized[at + 1] = (byte) 0x7F;
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightFiles.read(oversized)).getMessage()
                .contains("truncated?"));
    }

    @Test
    void aCheckpointDictionaryIsNotTakenForAStateDict() {
        // {"model": OrderedDict()} : the common mistake of saving a whole training checkpoint.
        byte[] pickle = concat(new byte[] {(byte) 0x80, 2, '}', 'X', 5, 0, 0, 0}, "model".getBytes(StandardCharsets.UTF_8),
                "ccollections\nOrderedDict\n".getBytes(StandardCharsets.UTF_8), new byte[] {')', 'R', 's', '.'});
        assertEquals("\"model\" holds a dictionary, not a tensor (save model.state_dict(), not a whole checkpoint dictionary)",
                assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(pickle))).getMessage());
    }

    /** What the file holds instead of a state dict, in Python's words (never a Java class name). */
    @Test
    void messagesNameWhatTheFileHoldsInPythonsWords() {
        byte[] list = {(byte) 0x80, 2, ']', '.'};
        assertEquals("the file holds a list, not a state dict (a dictionary of tensors)",
                assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(list))).getMessage());
        byte[] tuple = {(byte) 0x80, 2, ')', '.'};
        assertEquals("the file holds a tuple, not a state dict (a dictionary of tensors)",
                assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(tuple))).getMessage());
        byte[] flag = {(byte) 0x80, 2, '}', 'X', 1, 0, 0, 0, 'w', (byte) 0x88, 's', '.'}; // {"w": True}
        assertEquals("\"w\" holds True, not a tensor",
                assertThrows(IllegalArgumentException.class, () -> TorchFile.read(archive(flag))).getMessage());
    }

    @Test
    void safetensorsHeadersAreCheckedAgainstTheData() {
        byte[] file = WeightFiles.write(dict, WeightFiles.Format.SAFETENSORS, "m");
        assertEquals(0, (file.length - 8 - (int) Bytes.i64(file, 0)) % 4);
        assertMessage(java.util.Arrays.copyOf(file, file.length - 4), "has data_offsets outside the file's data");
        byte[] extra = java.util.Arrays.copyOf(file, file.length + 4);
        assertMessage(extra, "the file has 4 bytes after its last tensor");
        byte[] badJson = file.clone();
        badJson[9] = '#';
        assertMessage(badJson, "not a safetensors file: its header is not JSON");
    }

    private static void assertMessage(byte[] file, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> WeightFiles.read(file)).getMessage();
        assertTrue(message.contains(expected), message);
    }

    private static byte[] archive(byte[] pickle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.UTF_8));
        return StoredZip.write(entries);
    }

    /** {"w": _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())} with memo ops as PyTorch writes. */
    private static byte[] pickleWithView(String storageType, int numel, int[] size, int[] stride) {
        return pickleWithView(storageType, numel, 0, new long[] {size[0], size[1]}, new long[] {stride[0], stride[1]});
    }

    /** The same with any 64-bit numel, offset, sizes and strides (pickle's LONG1), as a hostile file may have. */
    private static byte[] pickleWithView(String storageType, long numel, long offset, long[] size, long[] stride) {
        Bytes p = new Bytes();
        p.u8(0x80).u8(2).ascii("ccollections\nOrderedDict\n").u8('q').u8(0).u8(')').u8('R').u8('q').u8(1).u8('(');
        p.u8('X').u32(1).ascii("w").ascii("ctorch._utils\n_rebuild_tensor_v2\n").u8('q').u8(2).u8('(');
        p.u8('(').u8('X').u32(7).ascii("storage").ascii("c" + storageType).u8('X').u32(1).ascii("0")
                .u8('X').u32(3).ascii("cpu").u8(0x8a).u8(8).u64(numel).u8('t').u8('q').u8(3).u8('Q');
        p.u8(0x8a).u8(8).u64(offset);
        p.u8(0x8a).u8(8).u64(size[0]).u8(0x8a).u8(8).u64(size[1]).u8(0x86);
        p.u8(0x8a).u8(8).u64(stride[0]).u8(0x8a).u8(8).u64(stride[1]).u8(0x86);
        p.u8(0x89).u8('h').u8(0).u8(')').u8('R').u8('t').u8('R').u8('u');
        // the OrderedDict's _metadata, set by BUILD as PyTorch's state dicts do
        p.u8('}').u8('X').u32(9).ascii("_metadata").u8('}').u8('s').u8('b').u8('.');
        return p.toArray();
    }

    /** Like pickleWithView, with {@code keys} tensors ("w0", "w1", ...), each the same view of the one storage. */
    private static byte[] pickleWithViews(int keys, long numel, long[] size, long[] stride) {
        Bytes p = new Bytes();
        p.u8(0x80).u8(2).ascii("ccollections\nOrderedDict\n").u8('q').u8(0).u8(')').u8('R').u8('q').u8(1).u8('(');
        for (int k = 0; k < keys; k++) {
            p.u8('X').u32(2).ascii("w" + k);
            if (k == 0) {
                p.ascii("ctorch._utils\n_rebuild_tensor_v2\n").u8('q').u8(2).u8('(');
                p.u8('(').u8('X').u32(7).ascii("storage").ascii("ctorch\nFloatStorage\n").u8('X').u32(1).ascii("0")
                        .u8('X').u32(3).ascii("cpu").u8(0x8a).u8(8).u64(numel).u8('t').u8('q').u8(3).u8('Q');
            } else {
                p.u8('h').u8(2).u8('(').u8('h').u8(3).u8('Q');
            }
            p.u8('K').u8(0);
            p.u8(0x8a).u8(8).u64(size[0]).u8(0x8a).u8(8).u64(size[1]).u8(0x86);
            p.u8(0x8a).u8(8).u64(stride[0]).u8(0x8a).u8(8).u64(stride[1]).u8(0x86);
            p.u8(0x89).u8('h').u8(0).u8(')').u8('R').u8('t').u8('R');
        }
        p.u8('u').u8('.');
        return p.toArray();
    }

    /** Stride-0 views of one small storage count every value they spread to, toward one budget for the whole file. */
    @Test
    void everyTensorsValuesCountTowardOneBudget() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m/data.pkl", pickleWithViews(5, 1, new long[] {10, 10}, new long[] {0, 0}));
        Bytes data = new Bytes();
        StoredTensor.DType.FLOAT32.write(data, 7);
        entries.put("m/data/0", data.toArray());
        entries.put("m/version", "3\n".getBytes(StandardCharsets.UTF_8));
        byte[] file = StoredZip.write(entries);
        Map<String, StoredTensor> read = TorchFile.read(file, 500);
        assertEquals(5, read.size(), "five 10x10 views of one value: 500 values, within a budget of 500");
        assertEquals(7, read.get("w4").values()[99]);
        String message = assertThrows(IllegalArgumentException.class, () -> TorchFile.read(file, 499)).getMessage();
        assertEquals("\"w4\" takes the file past 499 values in all; a file this size is not a state dict to train from", message);
    }

    private static byte[] concat(byte[]... parts) {
        Bytes out = new Bytes();
        for (byte[] part : parts) {
            out.bytes(part);
        }
        return out.toArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        return -1;
    }
}
