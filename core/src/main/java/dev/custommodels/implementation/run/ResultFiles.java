package dev.custommodels.implementation.run;

import dev.custommodels.implementation.CsvReader;
import dev.custommodels.models.RunPhase;
import dev.custommodels.spi.LakeStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the model's output as collected: CSV files with a header row, all with the same header. */
final class ResultFiles {
    private ResultFiles() {
    }

    /** Receives one data row. */
    @FunctionalInterface
    interface RowHandler {
        void row(String path, String[] fields);
    }

    /**
     * Reads the header shared by the files; files without any line are skipped.
     *
     * @return the column names, or an empty list when every file is empty
     */
    static List<String> header(RunContext ctx, List<String> paths) {
        List<String> header = null;
        String first = null;
        for (String path : paths) {
            try (CsvReader csv = open(ctx.lake(), path)) {
                String[] h = csv.next();
                if (h == null) {
                    continue;
                }
                List<String> names = Arrays.stream(h).map(x -> x == null ? "" : x.strip()).toList();
                if (header == null) {
                    header = names;
                    first = path;
                } else if (!header.equals(names)) {
                    throw ctx.failure(RunPhase.RELATE, "OutputHeaderMismatch", "output files '" + first + "' and '"
                            + path + "' have different headers: " + header + " and " + names);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Reading output file '" + path + "' failed.", e);
            }
        }
        return header == null ? List.of() : header;
    }

    /** Streams every data row of every file, checking that each has as many fields as the header. */
    static void forEachRow(RunContext ctx, List<String> paths, int columns, RowHandler handler) {
        long n = 0;
        for (String path : paths) {
            try (CsvReader csv = open(ctx.lake(), path)) {
                if (csv.next() == null) {
                    continue;
                }
                for (String[] r = csv.next(); r != null; r = csv.next()) {
                    if (r.length != columns) {
                        throw ctx.failure(RunPhase.RELATE, "OutputMalformed", "output file '" + path + "' line "
                                + csv.recordLine() + " has " + r.length + " fields; its header has " + columns);
                    }
                    if (++n % 8192 == 0) {
                        ctx.tick();
                    }
                    handler.row(path, r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Reading output file '" + path + "' failed.", e);
            } catch (CsvReader.SyntaxError e) {
                throw ctx.failure(RunPhase.RELATE, "OutputMalformed", "output file '" + path + "' is not valid CSV"
                        + " at line " + e.line() + ": " + e.getMessage());
            }
        }
    }

    private static CsvReader open(LakeStore lake, String path) {
        return new CsvReader(new InputStreamReader(lake.openRead(path), StandardCharsets.UTF_8));
    }
}
