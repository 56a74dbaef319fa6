package dev.custommodels.connectors.studio.implementation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ({@code ""}) and line breaks; records end with LF or CRLF;
 * blank lines are not records. The indexer works on bytes so a chunk can be read again from its byte offset:
 * UTF-8 never puts a quote or a line feed byte inside a multi-byte character, so byte and character parsing agree.
 */
final class Csv {
    private Csv() {
    }

    /** Where one chunk of records starts in a file, and how many records it has. */
    record Span(long offset, int rows) {
    }

    /** The header of a file and the spans of its data records, {@code chunkSize} records each (the last fewer). */
    record Index(List<String> header, List<Span> spans, long rows) {
    }

    /** Indexes a whole file in one pass. */
    static Index index(InputStream raw, int chunkSize) throws IOException {
        ByteCounter counter = new ByteCounter(raw);
        List<String> header = counter.headerRecord();
        List<Span> spans = new ArrayList<>();
        long rows = 0;
        long chunkStart = -1;
        int inChunk = 0;
        while (true) {
            long start = counter.nextRecordStart();
            if (start < 0) {
                break;
            }
            if (inChunk == 0) {
                chunkStart = start;
            }
            counter.skipRecord();
            inChunk++;
            rows++;
            if (inChunk == chunkSize) {
                spans.add(new Span(chunkStart, inChunk));
                inChunk = 0;
            }
        }
        if (inChunk > 0) {
            spans.add(new Span(chunkStart, inChunk));
        }
        return new Index(header, spans, rows);
    }

    /** Opens a record reader over a stream, positioned at its start. */
    static RecordReader reader(InputStream in) {
        return new RecordReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 14));
    }

    /** Skips exactly {@code offset} bytes. */
    static void skipFully(InputStream in, long offset) throws IOException {
        long left = offset;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("The file ended before byte offset " + offset + ".");
                }
                n = 1;
            }
            left -= n;
        }
    }

    /** Appends one record, quoting fields that need it, and a line feed. */
    static void append(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, fields.get(i));
        }
        out.append('\n');
    }

    static void appendField(StringBuilder out, String value) {
        String v = value == null ? "" : value;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(v);
            return;
        }
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Reads records one at a time. */
    static final class RecordReader implements AutoCloseable {
        private final Reader in;
        private int peeked = -2;

        private RecordReader(Reader in) {
            this.in = in;
        }

        /** Reads the next record, or {@code null} at the end. */
        List<String> next() {
            try {
                int c = read();
                while (c == '\n' || c == '\r') {
                    c = read();
                }
                if (c < 0) {
                    return null;
                }
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                while (true) {
                    if (quoted) {
                        if (c < 0) {
                            throw new IllegalStateException("A quoted CSV field is not closed.");
                        }
                        if (c == '"') {
                            int n = read();
                            if (n == '"') {
                                field.append('"');
                            } else {
                                quoted = false;
                                c = n;
                                continue;
                            }
                        } else {
                            field.append((char) c);
                        }
                    } else if (c == '"' && field.length() == 0) {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else if (c == '\n' || c < 0) {
                        fields.add(field.toString());
                        return fields;
                    } else if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            unread(n);
                        }
                        fields.add(field.toString());
                        return fields;
                    } else {
                        field.append((char) c);
                    }
                    c = read();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int p = peeked;
                peeked = -2;
                return p;
            }
            return in.read();
        }

        private void unread(int c) {
            peeked = c;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Walks a byte stream record by record, keeping the byte position. */
    private static final class ByteCounter {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private long position;
        private int peeked = -2;

        ByteCounter(InputStream in) {
            this.in = in;
        }

        List<String> headerRecord() throws IOException {
            long start = nextRecordStart();
            if (start < 0) {
                throw new IllegalStateException("The CSV file is empty; it needs at least a header row.");
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            boolean quoted = false;
            for (int b = read(); b >= 0; b = read()) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    unread(b);
                    break;
                }
                bytes.write(b);
            }
            bytes.write('\n');
            try (RecordReader r = reader(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return r.next();
            }
        }

        /** Skips blank lines; returns the byte offset of the next record, or -1 at the end. */
        long nextRecordStart() throws IOException {
            int b = read();
            while (b == '\n' || b == '\r') {
                b = read();
            }
            if (b < 0) {
                return -1;
            }
            unread(b);
            return position;
        }

        void skipRecord() throws IOException {
            boolean quoted = false;
            for (int b = read(); b >= 0; b = read()) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    return;
                }
            }
        }

        private int read() throws IOException {
            int b;
            if (peeked != -2) {
                b = peeked;
                peeked = -2;
            } else {
                if (pos == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return -1;
                    }
                }
                b = buffer[pos++] & 0xFF;
            }
            if (b >= 0) {
                position++;
            }
            return b;
        }

        private void unread(int b) {
            peeked = b;
            if (b >= 0) {
                position--;
            }
        }
    }
}
