package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Moves BES data: the projected input into the staging store, and the output back into the lake, joined. */
final class BesOutput {
    private final ConnectorContext context;
    private final Http http;
    private final JobStore store;

    BesOutput(ConnectorContext context, Http http, JobStore store) {
        this.context = context;
        this.http = http;
        this.store = store;
    }

    /** Writes the staged files as one CSV holding only the model's fields, in the model's order. */
    void copyProjected(List<String> paths, List<String> columns, List<String> sent, LakeStore target, String blob) {
        int[] idx = sent.stream().mapToInt(columns::indexOf).toArray();
        LakeOutputStream out = target.openWrite(blob, WriteCondition.none());
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder();
            Csv.append(line, sent);
            w.write(line.toString());
            for (List<String> row : new StagedRows(store.lake(), paths)) {
                List<String> projected = new ArrayList<>(idx.length);
                for (int i : idx) {
                    projected.add(row.get(i));
                }
                line.setLength(0);
                Csv.append(line, projected);
                w.write(line.toString());
            }
            w.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("Staging " + blob + " in " + target.describe() + " failed.", (IOException) e);
        }
    }

    /** Reads the job's output, joins the staged columns it lacks, writes one CSV part; returns its path. */
    String collect(JobManifest m, JsonNode result, LakeStore staged, String part) {
        JobManifest.InputPart input = m.inputs().get(0);
        try (InputStream raw = open(m, result, staged); Csv.RecordReader reader = Csv.reader(raw)) {
            List<String> header = reader.next();
            if (header == null) {
                throw new CustomModelsException("The output of batch job " + m.besJobId() + " is empty.");
            }
            RowJoiner joiner = new RowJoiner(header, input.stagedColumns());
            Iterator<List<String>> stagedRows = joiner.isIdentity() ? null
                    : new StagedRows(store.lake(), input.paths()).iterator();
            LakeOutputStream out = store.lake().openWrite(part, WriteCondition.none());
            long n = 0;
            try {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                StringBuilder line = new StringBuilder();
                Csv.append(line, joiner.header());
                for (List<String> row = reader.next(); row != null; row = reader.next(), n++) {
                    if (stagedRows != null && !stagedRows.hasNext()) {
                        throw mismatch(m, "more than the " + n + " input rows");
                    }
                    Csv.append(line, stagedRows == null ? row : joiner.join(row, stagedRows.next()));
                    if (line.length() > 1 << 16) {
                        w.write(line.toString());
                        line.setLength(0);
                    }
                }
                if (stagedRows != null && stagedRows.hasNext()) {
                    throw mismatch(m, n + " rows, fewer than the input");
                }
                w.write(line.toString());
                w.close();
            } catch (IOException | RuntimeException e) {
                out.abort();
                throw e;
            }
            return part;
        } catch (IOException e) {
            throw new UncheckedIOException("Collecting the output of batch job " + m.besJobId() + " failed.", e);
        }
    }

    private static CustomModelsException mismatch(JobManifest m, String what) {
        return new CustomModelsException("The output of batch job " + m.besJobId() + " of run " + m.runId()
                + " has " + what + ", so its rows cannot be related to input rows.");
    }

    private InputStream open(JobManifest m, JsonNode result, LakeStore staged) {
        String relative = Json.text(result, "RelativeLocation");
        String decoded = relative == null ? "" : URLDecoder.decode(relative, StandardCharsets.UTF_8);
        if (decoded.endsWith(m.outputBlob())) {
            return staged.openRead(m.outputBlob());
        }
        String base = Json.text(result, "BaseLocation");
        String sas = Json.text(result, "SasBlobToken");
        if (base == null || relative == null) {
            throw new CustomModelsException("Batch job " + m.besJobId() + " reported its output without a"
                    + " BaseLocation and RelativeLocation; it cannot be read.");
        }
        String url = (base.endsWith("/") ? base : base + "/") + (relative.startsWith("/") ? relative.substring(1)
                : relative) + (sas == null ? "" : sas);
        byte[] body = http.call(context.pipeline(), HttpMethod.GET, url, null, "Reading the output blob of batch job "
                + m.besJobId()).body();
        return new ByteArrayInputStream(body);
    }

    /** The data rows of staged CSV files, headers skipped, read lazily. */
    private record StagedRows(LakeStore lake, List<String> paths) implements Iterable<List<String>> {
        @Override
        public Iterator<List<String>> iterator() {
            return new Iterator<>() {
                private int file = -1;
                private Csv.RecordReader reader;
                private List<String> next;

                @Override
                public boolean hasNext() {
                    while (next == null) {
                        if (reader != null) {
                            next = reader.next();
                            if (next != null) {
                                break;
                            }
                            reader.close();
                            reader = null;
                        }
                        if (++file >= paths.size()) {
                            return false;
                        }
                        reader = Csv.reader(lake.openRead(paths.get(file)));
                        reader.next();
                    }
                    return true;
                }

                @Override
                public List<String> next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    List<String> r = next;
                    next = null;
                    return r;
                }
            };
        }
    }
}
