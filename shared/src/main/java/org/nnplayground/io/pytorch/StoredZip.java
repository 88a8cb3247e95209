package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.nnplayground.text.CodedError;

/**
 * The zip container of PyTorch's {@code torch.save}: uncompressed ("stored") entries, each entry's data
 * aligned to 64 bytes as PyTorch aligns it. The reader checks every offset, size and checksum, so a
 * truncated or doctored archive fails with a message instead of reading past its end.
 */
final class StoredZip {
    static final int ALIGNMENT = 64;
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int MAX_ENTRIES = 10_000;
    private static final int DOS_DATE_1980_01_01 = 0x21;

    private StoredZip() {
    }

    private static int crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length);
        return (int) crc.getValue();
    }

    /** Writes the entries in order. */
    static byte[] write(Map<String, byte[]> entries) {
        Bytes out = new Bytes();
        List<Integer> offsets = new ArrayList<>();
        List<Integer> checksums = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.getValue();
            offsets.add(out.size());
            checksums.add(crc32(data));
            int headerEnd = out.size() + 30 + name.length + 4;
            int padding = (ALIGNMENT - headerEnd % ALIGNMENT) % ALIGNMENT;
            header(out.u32(LOCAL).u16(20), data.length, checksums.get(checksums.size() - 1), name).u16(4 + padding).bytes(name);
            out.u16(0x4246).u16(padding); // an extra field that only pads, as PyTorch's writer does
            for (int i = 0; i < padding; i++) {
                out.u8('Z');
            }
            out.bytes(data);
        }
        int directoryStart = out.size();
        int k = 0;
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            header(out.u32(CENTRAL).u16(20).u16(20), entry.getValue().length, checksums.get(k), name)
                    .u16(0).u16(0).u16(0).u16(0).u32(0).u32(offsets.get(k++)).bytes(name);
        }
        int directorySize = out.size() - directoryStart;
        out.u32(END).u16(0).u16(0).u16(entries.size()).u16(entries.size()).u32(directorySize).u32(directoryStart).u16(0);
        return out.toArray();
    }

    /** The fields local and central headers share: flags to name length. */
    private static Bytes header(Bytes out, int size, int crc, byte[] name) {
        return out.u16(0).u16(0).u16(0).u16(DOS_DATE_1980_01_01).u32(crc).u32(size).u32(size).u16(name.length);
    }

    /** Every entry by name, in the archive's order. */
    static Map<String, byte[]> read(byte[] file) {
        long end = findEnd(file);
        int count = Bytes.u16(file, end + 10);
        long directorySize = Bytes.u32(file, end + 12);
        long directoryStart = Bytes.u32(file, end + 16);
        if (count > MAX_ENTRIES) {
            throw new IllegalArgumentException("the archive lists " + count + " entries; at most " + MAX_ENTRIES + " are read");
        }
        Bytes.check(file, directoryStart, directorySize, "the archive's directory points past the end of the file (truncated?)");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // Each entry's data is read once: a directory whose thousands of entries all point at one large entry
        // would otherwise copy it thousands of times (a 1 MB file, 6 GB of copies).
        java.util.Set<Long> starts = new java.util.HashSet<>();
        long at = directoryStart;
        for (int i = 0; i < count; i++) {
            Bytes.check(file, at, 46, "the archive's directory is cut short");
            if ((int) Bytes.u32(file, at) != CENTRAL) {
                throw new IllegalArgumentException("the archive's directory is damaged at entry " + i);
            }
            int flags = Bytes.u16(file, at + 8);
            int method = Bytes.u16(file, at + 10);
            long crc = Bytes.u32(file, at + 16);
            long size = Bytes.u32(file, at + 20);
            long plainSize = Bytes.u32(file, at + 24);
            int nameLength = Bytes.u16(file, at + 28);
            int extraLength = Bytes.u16(file, at + 30);
            int commentLength = Bytes.u16(file, at + 32);
            long localStart = Bytes.u32(file, at + 42);
            Bytes.check(file, at + 46, nameLength, "the archive's directory is cut short");
            String name = new String(file, (int) at + 46, nameLength, StandardCharsets.UTF_8);
            if ((flags & 1) != 0) {
                throw new IllegalArgumentException("entry " + name + " is encrypted");
            }
            if (method != 0 || size != plainSize) {
                throw new IllegalArgumentException("entry " + name + " is compressed; PyTorch's torch.save writes "
                        + "uncompressed archives, and only those are read");
            }
            if (entries.containsKey(name)) {
                throw new IllegalArgumentException("the archive holds " + name + " twice");
            }
            if (!starts.add(localStart)) {
                throw new IllegalArgumentException("entry " + name + " shares its data with another entry; a saved file's "
                        + "entries each have their own");
            }
            entries.put(name, data(file, localStart, size, crc, name));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static byte[] data(byte[] file, long localStart, long size, long crc, String name) {
        String cut = "entry " + name + " points past the end of the file (truncated?)";
        Bytes.check(file, localStart, 30, cut);
        if ((int) Bytes.u32(file, localStart) != LOCAL) {
            throw new IllegalArgumentException("entry " + name + " has no local header where the directory says");
        }
        long start = localStart + 30 + Bytes.u16(file, localStart + 26) + Bytes.u16(file, localStart + 28);
        Bytes.check(file, start, size, cut);
        byte[] data = new byte[(int) size];
        System.arraycopy(file, (int) start, data, 0, data.length);
        if ((crc32(data) & 0xFFFFFFFFL) != crc) {
            throw new IllegalArgumentException("entry " + name + " is damaged (its checksum does not match)");
        }
        return data;
    }

    /** The end-of-directory record: the last 22 bytes unless the archive carries a comment. */
    private static long findEnd(byte[] file) {
        for (long at = file.length - 22L; at >= Math.max(0, file.length - 22L - 65_535); at--) {
            if ((int) Bytes.u32(file, at) == END && at + 22 + Bytes.u16(file, at + 20) == file.length) {
                return at;
            }
        }
        throw new CodedError("file.truncated", "not a complete zip archive (its end record is missing; truncated?)");
    }
}
