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

    /** Indexes a whole file in one pass over its bytes. */
    static Index index(InputStream in, int chunkSize) throws IOException {
        byte[] buf = new byte[1 << 16];
        java.io.ByteArrayOutputStream headerBytes = new java.io.ByteArrayOutputStream();
        boolean inHeader = true;
        boolean quoted = false;
        boolean inRecord = false;
        List<Span> spans = new ArrayList<>();
        long base = 0;
        long rows = 0;
        long chunkStart = -1;
        int inChunk = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (!inRecord) {
                    if (b == '\n' || b == '\r') {
                        continue; // blank lines are not records
                    }
                    inRecord = true;
                    if (!inHeader && inChunk == 0) {
                        chunkStart = base + i;
                    }
                }
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    inRecord = false;
                    if (inHeader) {
                        inHeader = false;
                        continue;
                    }
                    rows++;
                    if (++inChunk == chunkSize) {
                        spans.add(new Span(chunkStart, inChunk));
                        inChunk = 0;
                    }
                    continue;
                }
                if (inHeader) {
                    headerBytes.write(b);
                }
            }
            base += n;
        }
        if (inRecord && !inHeader) {
            rows++;
            inChunk++;
        }
        if (inChunk > 0) {
            spans.add(new Span(chunkStart, inChunk));
        }
        if (headerBytes.size() == 0) {
            throw new IllegalStateException("The CSV file is empty; it needs at least a header row.");
        }
        try (RecordReader r = reader(new java.io.ByteArrayInputStream(headerBytes.toByteArray()))) {
            return new Index(r.next(), spans, rows);
        }
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
}
