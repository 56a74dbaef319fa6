package dev.custommodels.connectors.batch.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins an MLflow-layout output ({@code row,prediction,file_name} without header, rows in no particular order)
 * back onto the staged input rows, and lists the input rows that have no prediction.
 *
 * <p>Memory stays bounded by the largest staged file: the output is first split by input file into spill files in
 * the lake, then each input file is read beside its own predictions.
 */
final class PredictionJoin {
    private static final ClientLogger LOGGER = new ClientLogger(PredictionJoin.class);

    /** A staged input file: its datastore path and its name as the output's {@code file_name} gives it. */
    record InputFile(String path, String name) {
    }

    /** What the join wrote. */
    record Result(List<String> paths, long inputRows, long missingRows, long unmatchedPredictions) {
    }

    private final LakeStore store;
    private final LakeStore lake;
    private final String prefix;
    private final String spillPrefix;
    private final String jobName;
    private Writer missing;
    private LakeOutputStream missingStream;
    private long missingRows;
    private long unmatched;

    PredictionJoin(LakeStore store, LakeStore lake, String outputPrefix, String jobName) {
        this.store = store;
        this.lake = lake;
        this.prefix = outputPrefix;
        this.spillPrefix = outputPrefix + ".join-work/";
        this.jobName = jobName;
    }

    /** Tells whether an output record has the MLflow layout for these input files. */
    static boolean isMlflowRecord(List<String> record, Map<String, Integer> inputIndex) {
        return record.size() >= 3 && record.get(0).matches("\\d+")
                && inputIndex.containsKey(record.get(record.size() - 1));
    }

    Result join(String outputPath, List<InputFile> inputs) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            index.put(inputs.get(i).name(), i);
        }
        int predictionColumns = spill(outputPath, index);
        List<String> written = new ArrayList<>();
        long inputRows = 0;
        try {
            for (int i = 0; i < inputs.size(); i++) {
                String target = prefix + "scored-" + inputs.get(i).name();
                inputRows += joinFile(inputs.get(i), i, predictionColumns, target);
                written.add(target);
            }
            if (missing != null) {
                missing.close();
            }
        } catch (IOException | RuntimeException e) {
            if (missingStream != null) {
                missingStream.abort();
            }
            throw e;
        } finally {
            lake.deletePrefix(spillPrefix);
        }
        if (missingRows == 0) {
            lake.delete(prefix + BatchEndpointOptions.MISSING_ROWS_FILE);
        } else {
            LOGGER.warning("Job {}: {} of {} input rows have no prediction (rows that failed to score under the"
                    + " deployment's error threshold); they are listed in {}.", jobName, missingRows, inputRows,
                    prefix + BatchEndpointOptions.MISSING_ROWS_FILE);
        }
        if (unmatched > 0) {
            LOGGER.warning("Job {}: {} output rows name no staged input row and were left out.", jobName, unmatched);
        }
        return new Result(written, inputRows, missingRows, unmatched);
    }

    /** Splits the output by input file into spill files; returns the number of prediction columns. */
    private int spill(String outputPath, Map<String, Integer> index) throws IOException {
        Map<Integer, Writer> spills = new LinkedHashMap<>();
        Map<Integer, LakeOutputStream> streams = new LinkedHashMap<>();
        int columns = 1;
        boolean first = true;
        try (BufferedReader r = reader(store, outputPath)) {
            Csv csv = new Csv(r);
            for (List<String> rec = csv.next(); rec != null; rec = csv.next()) {
                if (!isMlflowRecord(rec, index)) {
                    unmatched++;
                    continue;
                }
                if (first) {
                    columns = rec.size() - 2;
                    first = false;
                }
                int file = index.get(rec.get(rec.size() - 1));
                Writer w = spills.get(file);
                if (w == null) {
                    LakeOutputStream s = lake.openWrite(spillPrefix + file + ".csv", WriteCondition.none());
                    streams.put(file, s);
                    w = new BufferedWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8));
                    spills.put(file, w);
                }
                w.write(Csv.line(rec.subList(0, rec.size() - 1)));
            }
        } catch (IOException | RuntimeException e) {
            streams.values().forEach(LakeOutputStream::abort);
            throw e;
        }
        for (Writer w : spills.values()) {
            w.close();
        }
        return columns;
    }

    private long joinFile(InputFile input, int fileIndex, int predictionColumns, String target) throws IOException {
        Map<Long, List<String>> predictions = loadSpill(fileIndex);
        LakeOutputStream out = lake.openWrite(target, WriteCondition.none());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long rows = 0;
        try (BufferedReader r = reader(store, input.path())) {
            Csv csv = new Csv(r);
            List<String> header = csv.next();
            if (header == null) {
                w.close();
                return 0;
            }
            List<String> outHeader = new ArrayList<>(header);
            String first = ContractReader.predictionColumn(header);
            outHeader.add(first);
            for (int c = 2; c <= predictionColumns; c++) {
                outHeader.add(first + "_" + c);
            }
            w.write(Csv.line(outHeader));
            for (List<String> values = csv.next(); values != null; values = csv.next(), rows++) {
                List<String> p = predictions.remove(rows);
                if (p == null) {
                    recordMissing(header, input.name(), rows, values);
                    continue;
                }
                List<String> line = new ArrayList<>(values);
                line.addAll(p);
                while (line.size() < header.size() + predictionColumns) {
                    line.add("");
                }
                w.write(Csv.line(line));
            }
            w.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        unmatched += predictions.size();
        return rows;
    }

    private Map<Long, List<String>> loadSpill(int fileIndex) throws IOException {
        Map<Long, List<String>> predictions = new HashMap<>();
        String path = spillPrefix + fileIndex + ".csv";
        if (lake.stat(path).isEmpty()) {
            return predictions;
        }
        try (BufferedReader r = reader(lake, path)) {
            Csv csv = new Csv(r);
            for (List<String> rec = csv.next(); rec != null; rec = csv.next()) {
                if (predictions.putIfAbsent(Long.parseLong(rec.get(0)), rec.subList(1, rec.size())) != null) {
                    unmatched++; // a second prediction for one row, as a retried mini-batch may append
                }
            }
        }
        return predictions;
    }

    private void recordMissing(List<String> header, String file, long row, List<String> values) throws IOException {
        if (missing == null) {
            missingStream = lake.openWrite(prefix + BatchEndpointOptions.MISSING_ROWS_FILE, WriteCondition.none());
            missing = new BufferedWriter(new OutputStreamWriter(missingStream, StandardCharsets.UTF_8));
            List<String> h = new ArrayList<>(List.of("file_name", "row"));
            h.addAll(header);
            missing.write(Csv.line(h));
        }
        List<String> line = new ArrayList<>(List.of(file, Long.toString(row)));
        line.addAll(values);
        missing.write(Csv.line(line));
        missingRows++;
    }

    static BufferedReader reader(LakeStore from, String path) {
        return new BufferedReader(new InputStreamReader(from.openRead(path), StandardCharsets.UTF_8));
    }
}
