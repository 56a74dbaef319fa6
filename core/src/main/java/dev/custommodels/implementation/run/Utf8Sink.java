package dev.custommodels.implementation.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Encodes characters as UTF-8 into a buffer and writes it to a stream when full. Not thread-safe. */
final class Utf8Sink {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long bytes;

    Utf8Sink(OutputStream out) {
        this.out = out;
    }

    /** Writes the characters of a builder. */
    void write(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (pos > buf.length - 4) {
                drain();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = (byte) '?';
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** Writes what is buffered to the stream. */
    void drain() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a staged file failed.", e);
        }
        bytes += pos;
        pos = 0;
    }

    /** Returns how many bytes were encoded so far. */
    long bytes() {
        return bytes + pos;
    }
}
