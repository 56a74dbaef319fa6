package dev.custommodels.implementation.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CSV records (RFC 4180, UTF-8) from a byte stream and tracks each record's byte offset, so a query can
 * resume at a record boundary and an index can point into a partition. An empty unquoted field reads as
 * {@code null}, {@code ""} as the empty string.
 */
public final class CsvRecordReader implements Closeable {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bufferStart;
    private byte[] field = new byte[256];
    private long recordStart;
    private boolean endOfRecord;

    /**
     * Creates a reader.
     *
     * @param in the bytes, positioned at a record boundary
     * @param startOffset the offset of the stream's first byte within its object
     */
    public CsvRecordReader(InputStream in, long startOffset) {
        this.in = in;
        this.bufferStart = startOffset;
    }

    /**
     * Returns the offset where the record last returned by {@link #next(int)} began.
     *
     * @return the byte offset
     */
    public long recordStart() {
        return recordStart;
    }

    /**
     * Returns the offset just after the record last returned: where the next one begins.
     *
     * @return the byte offset
     */
    public long position() {
        return bufferStart + pos;
    }

    /**
     * Reads the next record.
     *
     * @param expectedFields how many fields each record has
     * @return the fields, or {@code null} at the end of the stream
     * @throws IOException on a read failure
     * @throws IllegalStateException if the record has another number of fields or an unterminated quote
     */
    public String[] next(int expectedFields) throws IOException {
        if (pos >= limit && !fill()) {
            return null;
        }
        recordStart = position();
        String[] fields = new String[expectedFields];
        int count = 0;
        while (true) {
            String value = readField();
            if (count < expectedFields) {
                fields[count] = value;
            }
            count++;
            if (endOfRecord) {
                break;
            }
        }
        if (count != expectedFields) {
            throw new IllegalStateException("the record at byte " + recordStart + " has " + count
                    + " fields, expected " + expectedFields);
        }
        return fields;
    }

    private String readField() throws IOException {
        endOfRecord = false;
        int length = 0;
        int b = read();
        if (b == '"') {
            while (true) {
                b = read();
                if (b < 0) {
                    throw new IllegalStateException("the record at byte " + recordStart
                            + " has a quote that is never closed");
                }
                if (b == '"') {
                    b = read();
                    if (b != '"') {
                        break;
                    }
                }
                length = append(length, b);
            }
            String value = new String(field, 0, length, StandardCharsets.UTF_8);
            finishField(b);
            return value;
        }
        while (b >= 0 && b != ',' && b != '\n') {
            length = append(length, b);
            b = read();
        }
        if (length > 0 && field[length - 1] == '\r' && b != ',') {
            length--;
        }
        endOfRecord = b != ',';
        return length == 0 ? null : new String(field, 0, length, StandardCharsets.UTF_8);
    }

    private void finishField(int b) throws IOException {
        if (b == '\r') {
            b = read();
        }
        if (b == ',') {
            return;
        }
        if (b == '\n' || b < 0) {
            endOfRecord = true;
            return;
        }
        throw new IllegalStateException("the record at byte " + recordStart
                + " has text after a closing quote");
    }

    private int append(int length, int b) {
        if (length == field.length) {
            field = Arrays.copyOf(field, length * 2);
        }
        field[length] = (byte) b;
        return length + 1;
    }

    private int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buffer[pos++] & 0xFF;
    }

    private boolean fill() throws IOException {
        bufferStart += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
