package dev.custommodels.implementation.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes text as UTF-8 into a buffer and writes it to a stream when full (unpaired surrogates become {@code ?}).
 * Not thread-safe.
 */
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
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > buf.length - pos) {
            drain();
            if (bytes.length > buf.length) {
                try {
                    out.write(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("Writing a staged file failed.", e);
                }
                this.bytes += bytes.length;
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
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
