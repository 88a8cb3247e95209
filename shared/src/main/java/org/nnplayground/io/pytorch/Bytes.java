package org.nnplayground.io.pytorch;

import java.nio.charset.StandardCharsets;

/** A growable little-endian byte buffer for writing files, and bounds-checked little-endian reads. */
final class Bytes {
    private byte[] buffer = new byte[256];
    private int size;

    int size() {
        return size;
    }

    Bytes u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    Bytes u16(int value) {
        return u8(value).u8(value >>> 8);
    }

    Bytes u32(int value) {
        return u16(value).u16(value >>> 16);
    }

    Bytes u64(long value) {
        return u32((int) value).u32((int) (value >>> 32));
    }

    Bytes bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    Bytes bytes(byte[] data, int from, int length) {
        ensure(length);
        System.arraycopy(data, from, buffer, size, length);
        size += length;
        return this;
    }

    Bytes ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toArray() {
        byte[] out = new byte[size];
        System.arraycopy(buffer, 0, out, 0, size);
        return out;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            byte[] grown = new byte[Math.max(buffer.length * 2, size + more)];
            System.arraycopy(buffer, 0, grown, 0, size);
            buffer = grown;
        }
    }

    static int u8(byte[] b, long at) {
        return b[(int) at] & 0xFF;
    }

    static int u16(byte[] b, long at) {
        return u8(b, at) | (u8(b, at + 1) << 8);
    }

    static long u32(byte[] b, long at) {
        return (u16(b, at) | ((long) u16(b, at + 2) << 16)) & 0xFFFFFFFFL;
    }

    static long i64(byte[] b, long at) {
        return u32(b, at) | (u32(b, at + 4) << 32);
    }

    /** Fails with {@code what} unless [at, at + length) lies inside b. */
    static void check(byte[] b, long at, long length, String what) {
        if (at < 0 || length < 0 || at + length > b.length) {
            throw new IllegalArgumentException(what);
        }
    }
}
