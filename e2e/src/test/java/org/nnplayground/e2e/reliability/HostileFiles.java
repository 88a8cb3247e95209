package org.nnplayground.e2e.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Weight files built to hurt a reader, as an attacker would write them byte by byte: pickles that ask for code,
 * nest without end or hold themselves, views that overflow or reach past their storage, archives whose entries
 * share data, safetensors whose header lies. Each must be refused with a 4xx and a message; none may crash,
 * hang, allocate gigabytes or run anything.
 */
final class HostileFiles {
    private HostileFiles() {
    }

    /** Little-endian bytes as a pickle or a zip needs them. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out u8(int v) {
            bytes.write(v);
            return this;
        }

        Out u32(long v) {
            for (int i = 0; i < 4; i++) {
                bytes.write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Out u64(long v) {
            return u32(v).u32(v >>> 32);
        }

        Out ascii(String s) {
            bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Out text(String s) { // BINUNICODE
            return u8('X').u32(s.length()).ascii(s);
        }

        Out long1(long v) { // LONG1 with 8 bytes
            return u8(0x8a).u8(8).u64(v);
        }

        byte[] array() {
            return bytes.toByteArray();
        }
    }

    /** A state dict {"w": view} of one storage holding {@code stored} floats, as PyTorch writes it, with any numbers. */
    static byte[] viewFile(long numel, long offset, long[] size, long[] stride, int stored) {
        Out p = new Out();
        p.u8(0x80).u8(2).ascii("ccollections\nOrderedDict\n").u8('q').u8(0).u8(')').u8('R').u8('q').u8(1).u8('(');
        p.text("w").ascii("ctorch._utils\n_rebuild_tensor_v2\n").u8('q').u8(2).u8('(');
        p.u8('(').text("storage").ascii("ctorch\nFloatStorage\n").text("0").text("cpu").long1(numel).u8('t').u8('q').u8(3).u8('Q');
        p.long1(offset).long1(size[0]).long1(size[1]).u8(0x86).long1(stride[0]).long1(stride[1]).u8(0x86);
        p.u8(0x89).u8('h').u8(0).u8(')').u8('R').u8('t').u8('R').u8('u').u8('.');
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m/data.pkl", p.array());
        entries.put("m/data/0", new byte[stored * 4]);
        entries.put("m/version", "3\n".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** A .pt archive around one pickle. */
    static byte[] archive(byte[] pickle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** Entries stored uncompressed, as torch.save writes them. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A pickle that calls {@code global} (e.g. "os\nsystem\n") with a command. */
    static byte[] callingPickle(String global) {
        return new Out().u8(0x80).u8(2).u8('c').ascii(global).text("touch /tmp/nn-pwned").u8(0x85).u8('R').u8('.').array();
    }

    /** {x: 1} where x is a list nested {@code depth} deep (depth 1: a list that holds itself). */
    static byte[] listKeyPickle(int depth) {
        Out p = new Out().u8(0x80).u8(2).u8('}');
        if (depth == 1) {
            return p.u8(']').u8('q').u8(0).u8('h').u8(0).u8('a').u8('K').u8(1).u8('s').u8('.').array();
        }
        for (int i = 0; i < depth; i++) {
            p.u8(']');
        }
        for (int i = 1; i < depth; i++) {
            p.u8('a');
        }
        return p.u8('K').u8(1).u8('s').u8('.').array();
    }

    /** Two entries of one archive whose directory records point at the same data. */
    static byte[] sharedEntries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("m/e" + i, new byte[1000]);
        }
        byte[] zip = zip(entries);
        int first = indexOf(zip, new byte[] {'P', 'K', 1, 2}, 0);
        for (int at = indexOf(zip, new byte[] {'P', 'K', 1, 2}, first + 4); at >= 0; at = indexOf(zip, new byte[] {'P', 'K', 1, 2}, at + 4)) {
            System.arraycopy(zip, first + 42, zip, at + 42, 4); // this entry's data is the first one's
        }
        return zip;
    }

    /** A safetensors file: its header (any text) and data. */
    static byte[] safetensors(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Out out = new Out().u64(json.length);
        out.bytes.writeBytes(json);
        out.bytes.writeBytes(new byte[dataBytes]);
        return out.array();
    }

    /** A safetensors file whose header claims {@code length} bytes. */
    static byte[] safetensorsClaiming(long length) {
        return new Out().u64(length).ascii("{}").array();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every hostile file, by what it tries. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long[] small = {2, 3};
        files.put("empty file", new byte[0]);
        files.put("random bytes", new java.util.Random(7).ints(4096, 0, 256).collect(ByteArrayOutputStream::new,
                (o, b) -> o.write(b), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());
        files.put("zip magic then garbage", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1));
        files.put("storage numel overflowing its byte size", viewFile((1L << 62) + 6, 0, small, new long[] {3, 1}, 6));
        files.put("view at offset 2^40", viewFile((1L << 62) + 6, 1L << 40, small, new long[] {3, 1}, 6));
        files.put("stride 2^62", viewFile(6, 0, small, new long[] {1L << 62, 1}, 6));
        files.put("size 2^40 x 2^40", viewFile(6, 0, new long[] {1L << 40, 1L << 40}, new long[] {1, 1}, 6));
        files.put("offset Long.MAX_VALUE", viewFile(6, Long.MAX_VALUE, small, new long[] {1, 2}, 6));
        files.put("negative size", viewFile(6, 0, new long[] {-2, 3}, new long[] {3, 1}, 6));
        files.put("negative stride", viewFile(6, 0, small, new long[] {-3, 1}, 6));
        files.put("stride-0 view spread to 10^10 values", viewFile(1, 0, new long[] {100_000, 100_000}, new long[] {0, 0}, 1));
        files.put("storage claiming more than stored", viewFile(1_000_000, 0, small, new long[] {3, 1}, 6));
        for (String global : new String[] {"os\nsystem\n", "posix\nsystem\n", "builtins\neval\n", "builtins\nexec\n",
            "subprocess\nPopen\n", "torch\nload\n", "__builtin__\ngetattr\n"}) {
            files.put("pickle calling " + global.trim().replace('\n', '.'), archive(callingPickle(global)));
        }
        for (int opcode : new int[] {'i', 'o', 0x81, 0x82, 'P', 'S', 'c'}) {
            files.put("pickle opcode 0x" + Integer.toHexString(opcode), archive(new byte[] {(byte) 0x80, 2, (byte) opcode, '.'}));
        }
        files.put("list holding itself as a key", archive(listKeyPickle(1)));
        files.put("list nested 60000 deep as a key", archive(listKeyPickle(60_000)));
        files.put("pickle of a bare list", archive(new byte[] {(byte) 0x80, 2, ']', '.'}));
        files.put("pickle truncated", archive(new byte[] {(byte) 0x80, 2, '}', 'X', 9, 0, 0}));
        files.put("pickle with no STOP", archive(new byte[] {(byte) 0x80, 2, '}'}));
        files.put("pickle BINUNICODE claiming 2 GB", archive(new byte[] {(byte) 0x80, 2, 'X', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}));
        files.put("100 entries sharing one entry's data", sharedEntries(100));
        files.put("archive without data.pkl", zip(Map.of("m/version", "3\n".getBytes(StandardCharsets.UTF_8))));
        files.put("safetensors header claiming 2^62 bytes", safetensorsClaiming(1L << 62));
        files.put("safetensors header claiming a negative length", safetensorsClaiming(-8));
        files.put("safetensors header not JSON", safetensors("{#}", 0));
        files.put("safetensors offsets past the data", safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", 8));
        files.put("safetensors offsets overflowing", safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,"
                + Long.MAX_VALUE + "]}}", 24));
        files.put("safetensors shape overflowing", safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
                + "\"data_offsets\":[0,24]}}", 24));
        files.put("safetensors unknown dtype", safetensors("{\"w\":{\"dtype\":\"Q99\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", 24));
        files.put("safetensors header nested deep", safetensors("[".repeat(100_000), 0));
        files.put("JSON state dict with wrong shapes", "{\"hidden.weight\":[[1,2],[3,4]]}".getBytes(StandardCharsets.UTF_8));
        files.put("JSON state dict nested deep", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        files.put("JSON state dict with NaN text", "{\"hidden.weight\":[[NaN]]}".getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
