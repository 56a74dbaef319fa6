package dev.custommodels.connectors.batch.implementation;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV records one at a time (quoted fields may hold commas, quotes and line breaks). */
final class Csv {
    private final Reader in;
    private int pushedBack = -2;

    Csv(Reader in) {
        this.in = in;
    }

    /** Reads the next record, skipping blank lines, or returns {@code null} at the end. */
    List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c != '\n' && c != '\r') {
                pushedBack = c;
                return record();
            }
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean startOfField = true;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new IOException("A quoted CSV field is not closed at the end of the file.");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushedBack = d;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == -1 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                fields.add(field.toString());
                return fields;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                startOfField = true;
            } else if (c == '"' && startOfField) {
                quoted = true;
                startOfField = false;
            } else {
                field.append((char) c);
                startOfField = false;
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /** Joins fields into one CSV line, quoting where needed, ending with a line feed. */
    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append('\n').toString();
    }
}
