package dev.custommodels.implementation;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside
 * a quoted field, line breaks allowed inside quoted fields, records ended by CRLF, LF or CR. A leading byte order
 * mark is skipped and completely empty lines are skipped.
 *
 * <p>An empty unquoted field is returned as {@code null}, a quoted empty field ({@code ""}) as the empty string.
 * A quote inside an unquoted field is kept as a literal character. Not thread-safe.
 */
public final class CsvReader implements Closeable {
    private static final char QUOTE = '"';
    private static final char COMMA = ',';
    private static final char CR = '\r';
    private static final char LF = '\n';

    private final Reader in;
    private final char[] buf;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>();
    private int pos;
    private int limit;
    private boolean started;
    private long line = 1;
    private long recordLine;

    /**
     * Creates a reader.
     *
     * @param in the characters; the reader buffers them itself, so a plain reader is fine
     */
    public CsvReader(Reader in) {
        this(in, 1 << 16);
    }

    CsvReader(Reader in, int bufferSize) {
        this.in = in;
        this.buf = new char[bufferSize];
    }

    /**
     * Reads the next record.
     *
     * @return the fields, or {@code null} at the end of the input
     * @throws IOException if reading fails
     * @throws SyntaxError if the record is malformed
     */
    public String[] next() throws IOException {
        if (!skipEmptyLines()) {
            return null;
        }
        recordLine = line;
        fields.clear();
        while (true) {
            boolean quoted = pos < limit && buf[pos] == QUOTE;
            if (quoted) {
                pos++;
                fields.add(readQuoted());
            } else {
                fields.add(readUnquoted());
            }
            if (!fill()) {
                break;
            }
            char c = buf[pos];
            if (c == COMMA) {
                pos++;
                if (!fill()) {
                    fields.add(null);
                    break;
                }
                continue;
            }
            if (c == LF || c == CR) {
                endLine();
                break;
            }
            throw new SyntaxError(line, "unexpected character '" + c + "' after the closing quote of field "
                    + fields.size() + "; a quoted field must be followed by a comma or the end of the line");
        }
        return fields.toArray(new String[0]);
    }

    /**
     * Returns the physical line (1-based) where the record last returned by {@link #next()} starts.
     *
     * @return the line
     */
    public long recordLine() {
        return recordLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean skipEmptyLines() throws IOException {
        while (fill()) {
            char c = buf[pos];
            if (c != LF && c != CR) {
                return true;
            }
            endLine();
        }
        return false;
    }

    /** Consumes one record end (CRLF, LF or CR) at {@code pos}. */
    private void endLine() throws IOException {
        char c = buf[pos++];
        line++;
        if (c == CR && fill() && buf[pos] == LF) {
            pos++;
        }
    }

    private String readUnquoted() throws IOException {
        field.setLength(0);
        while (fill()) {
            int start = pos;
            int i = pos;
            while (i < limit) {
                char c = buf[i];
                if (c == COMMA || c == LF || c == CR) {
                    break;
                }
                i++;
            }
            pos = i;
            if (i < limit) {
                if (field.length() == 0) {
                    return i == start ? null : new String(buf, start, i - start);
                }
                field.append(buf, start, i - start);
                break;
            }
            field.append(buf, start, i - start);
        }
        return field.length() == 0 ? null : field.toString();
    }

    private String readQuoted() throws IOException {
        field.setLength(0);
        while (true) {
            if (!fill()) {
                throw new SyntaxError(recordLine, "a quoted field of this record is not closed before the end"
                        + " of the file");
            }
            int start = pos;
            int i = pos;
            while (i < limit && buf[i] != QUOTE) {
                if (buf[i] == LF) {
                    line++;
                }
                i++;
            }
            field.append(buf, start, i - start);
            pos = i;
            if (i == limit) {
                continue;
            }
            pos++; // the quote
            if (fill() && buf[pos] == QUOTE) {
                field.append(QUOTE);
                pos++;
                continue;
            }
            return field.toString();
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        limit = Math.max(n, 0);
        if (!started && limit > 0) {
            started = true;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                return fill();
            }
        }
        return limit > 0;
    }

    /** A malformed record; carries the physical line where it starts or where the error is. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long line;

        SyntaxError(long line, String message) {
            super(message);
            this.line = line;
        }

        /**
         * Returns the line.
         *
         * @return the 1-based physical line
         */
        public long line() {
            return line;
        }
    }
}
