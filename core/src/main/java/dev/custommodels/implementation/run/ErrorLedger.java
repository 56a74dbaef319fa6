package dev.custommodels.implementation.run;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.implementation.CsvReader;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunRowError;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A run's error ledger: CSV files {@code errors/<prefix>NNNNN.csv} of at most {@value #ENTRIES_PER_FILE} entries,
 * with the columns {@code phase,input,rowKey,field,value,reason}. Written streaming; read a file per page.
 */
final class ErrorLedger implements AutoCloseable {
    static final int ENTRIES_PER_FILE = 10_000;
    private static final int MAX_VALUE_CHARS = 200;
    private static final String HEADER = "phase,input,rowKey,field,value,reason\n";

    private final LakeStore lake;
    private final String prefix;
    private final StringBuilder line = new StringBuilder(256);
    private LakeOutputStream out;
    private Utf8Sink sink;
    private int files;
    private int inFile;
    private long entries;

    /** Opens a ledger writer; nothing is written until the first entry. */
    ErrorLedger(LakeStore lake, String prefix) {
        this.lake = lake;
        this.prefix = prefix;
    }

    /** Deletes what an earlier attempt wrote under a prefix. */
    static void clear(LakeStore lake, String prefix) {
        lake.deletePrefix(prefix);
    }

    void add(RunPhase phase, String input, String rowKey, String field, String value, String reason) {
        if (out == null || inFile >= ENTRIES_PER_FILE) {
            closeFile();
            out = lake.openWrite(prefix + String.format(Locale.ROOT, "%05d.csv", files++), WriteCondition.none());
            sink = new Utf8Sink(out);
            sink.write(HEADER);
            inFile = 0;
        }
        line.setLength(0);
        line.append(phase.name()).append(',');
        field(input).append(',');
        field(rowKey).append(',');
        field(field).append(',');
        field(value == null || value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…")
                .append(',');
        field(reason).append('\n');
        sink.write(line);
        inFile++;
        entries++;
    }

    long entries() {
        return entries;
    }

    @Override
    public void close() {
        closeFile();
    }

    private StringBuilder field(String s) {
        if (s != null) {
            CsvText.appendText(line, s);
        }
        return line;
    }

    private void closeFile() {
        if (out == null) {
            return;
        }
        sink.drain();
        try {
            out.close();
        } catch (IOException e) {
            out.abort();
            throw new UncheckedIOException("Writing the error ledger of '" + prefix + "' failed.", e);
        }
        out = null;
    }

    /** Lists the entries under a run's errors folder, a file per page, in path order. */
    static PagedIterable<RunRowError> read(LakeStore lake, String errorsFolder, String runId) {
        return new PagedIterable<>(() -> page(lake, errorsFolder, runId, null),
                token -> page(lake, errorsFolder, runId, token));
    }

    private static PagedResponse<RunRowError> page(LakeStore lake, String folder, String runId, String after) {
        List<String> files = new ArrayList<>();
        try (Stream<LakeObjectInfo> objects = lake.list(folder)) {
            objects.map(LakeObjectInfo::path).filter(p -> p.endsWith(".csv"))
                    .filter(p -> after == null || p.compareTo(after) > 0).limit(2).forEach(files::add);
        }
        if (files.isEmpty()) {
            return new PagedResponseBase<Void, RunRowError>(null, 200, null, List.of(), null, null);
        }
        String path = files.get(0);
        List<RunRowError> items = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(lake.openRead(path), StandardCharsets.UTF_8))) {
            csv.next(); // header
            for (String[] r = csv.next(); r != null; r = csv.next()) {
                if (r.length != 6) {
                    throw new CorruptStateException(path, "line " + csv.recordLine() + " has " + r.length
                            + " fields, not 6", null);
                }
                items.add(new RunRowError(runId, RunPhase.valueOf(r[0]), r[1], r[2], r[3], r[4],
                        r[5] == null ? "" : r[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the error ledger file '" + path + "' failed.", e);
        }
        return new PagedResponseBase<Void, RunRowError>(null, 200, null, items, files.size() > 1 ? path : null,
                null);
    }
}
