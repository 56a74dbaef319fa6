package dev.custommodels.entities;

import dev.custommodels.implementation.CsvReader;
import dev.custommodels.models.EntityReadException;
import dev.custommodels.models.EntitySchema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An entity read from a CSV file: RFC 4180 (comma-separated, optional double quotes, {@code ""} inside quotes,
 * line breaks inside quoted fields, CRLF or LF line ends), UTF-8 with or without a byte order mark, and a header
 * row.
 *
 * <p>The host supplies the schema; nothing is inferred. The header must name every attribute of the schema and
 * nothing else, in any order (names match ignoring case). Values are handed on as the raw text of each field, in
 * the schema's column order: an empty unquoted field is {@code null}, a quoted empty field ({@code ""}) is the
 * empty string. Completely empty lines are skipped. The file is streamed, never held in memory, and read again by
 * every {@link #open()}.
 */
public final class CsvEntitySource implements EntitySource {
    private final EntitySchema schema;
    private final Path file;

    private CsvEntitySource(EntitySchema schema, Path file) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Creates a source. The file is not read until {@link #open()}.
     *
     * @param schema the entity's schema; the header row must name its attributes
     * @param file the CSV file
     * @return the source
     */
    public static CsvEntitySource of(EntitySchema schema, Path file) {
        return new CsvEntitySource(schema, file);
    }

    /**
     * Reads only the header row of a CSV file, to help a host write the schema.
     *
     * @param file the CSV file
     * @return the column names in file order; an empty header field is the empty string
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file is empty or its header is malformed
     */
    public static List<String> readHeader(Path file) {
        try (CsvReader reader = new CsvReader(utf8Reader(file))) {
            String[] header = reader.next();
            if (header == null) {
                throw new IllegalArgumentException("The CSV file '" + file + "' is empty; it needs a header row.");
            }
            List<String> names = new ArrayList<>();
            for (String h : header) {
                names.add(h == null ? "" : h);
            }
            return names;
        } catch (CsvReader.SyntaxError e) {
            throw new IllegalArgumentException("The header of CSV file '" + file + "' is malformed at line "
                    + e.line() + ": " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV file '" + file + "'.", e);
        }
    }

    /**
     * Returns the file.
     *
     * @return the CSV file
     */
    public Path file() {
        return file;
    }

    @Override
    public EntitySchema schema() {
        return schema;
    }

    /**
     * Opens the file and checks its header.
     *
     * @return a cursor over the data rows
     * @throws EntityReadException if the file does not exist, is empty, or its header does not match the schema;
     *     the cursor also throws it for a malformed record or one with the wrong number of fields
     */
    @Override
    public RowCursor open() {
        CsvReader reader;
        try {
            reader = new CsvReader(utf8Reader(file));
        } catch (NoSuchFileException e) {
            throw error(-1, "the file does not exist", e);
        } catch (IOException e) {
            throw error(-1, e.toString(), e);
        }
        try {
            int[] columnOf = readHeader(reader);
            return new CsvCursor(reader, columnOf);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "CsvEntitySource{" + schema.name() + ", " + file + "}";
    }

    /** Maps each file column to its schema column. */
    private int[] readHeader(CsvReader reader) {
        String[] header = nextRecord(reader);
        if (header == null) {
            throw error(-1, "the file is empty; it needs a header row naming the attributes "
                    + schema.attributeNames(), null);
        }
        Map<String, Integer> schemaIndex = new HashMap<>();
        for (int i = 0; i < schema.attributes().size(); i++) {
            schemaIndex.put(schema.attributes().get(i).name().toLowerCase(Locale.ROOT), i);
        }
        int[] columnOf = new int[header.length];
        boolean[] seen = new boolean[schema.attributes().size()];
        List<String> extra = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c] == null ? "" : header[c].strip();
            Integer target = schemaIndex.get(name.toLowerCase(Locale.ROOT));
            if (target == null) {
                extra.add(name);
            } else if (seen[target]) {
                duplicate.add(name);
            } else {
                seen[target] = true;
                columnOf[c] = target;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                missing.add(schema.attributes().get(i).name());
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty() || !duplicate.isEmpty()) {
            throw error(reader.recordLine(), "the header row does not match the schema: missing columns "
                    + missing + ", extra columns " + extra + ", repeated columns " + duplicate
                    + ". The header must name each attribute of the entity exactly once", null);
        }
        return columnOf;
    }

    private String[] nextRecord(CsvReader reader) {
        try {
            return reader.next();
        } catch (CsvReader.SyntaxError e) {
            throw error(e.line(), e.getMessage(), null);
        } catch (CharacterCodingException e) {
            throw error(reader.recordLine() + 1, "the file is not valid UTF-8 at or after this line", e);
        } catch (IOException e) {
            throw error(-1, e.toString(), e);
        }
    }

    private EntityReadException error(long line, String detail, Throwable cause) {
        return new EntityReadException(schema.name(), "CSV file '" + file + "'", line, detail + ".", cause);
    }

    private static InputStreamReader utf8Reader(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(Files.newInputStream(file), decoder);
    }

    private static void closeQuietly(CsvReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    private final class CsvCursor implements RowCursor {
        private final CsvReader reader;
        private final int[] columnOf;
        private Row next;
        private boolean done;

        CsvCursor(CsvReader reader, int[] columnOf) {
            this.reader = reader;
            this.columnOf = columnOf;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                String[] record = nextRecord(reader);
                if (record == null) {
                    close();
                } else {
                    next = toRow(record);
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more rows in " + file + ".");
            }
            Row row = next;
            next = null;
            return row;
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                closeQuietly(reader);
            }
        }

        private Row toRow(String[] record) {
            if (record.length != columnOf.length) {
                throw error(reader.recordLine(), "the record has " + record.length + " field"
                        + (record.length == 1 ? "" : "s") + " but the header has " + columnOf.length, null);
            }
            Object[] values = new Object[columnOf.length];
            for (int c = 0; c < record.length; c++) {
                values[columnOf[c]] = record[c];
            }
            return new Row(schema, values);
        }
    }
}
