package org.nnplayground.io.pytorch;

/** CRC-32 (the zip checksum, polynomial 0xEDB88320), written here because the core must compile with TeaVM. */
final class Crc32 {
    private static final int[] TABLE = table();

    private Crc32() {
    }

    static int of(byte[] bytes, int from, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = from; i < from + length; i++) {
            crc = TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
        }
        return ~crc;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
