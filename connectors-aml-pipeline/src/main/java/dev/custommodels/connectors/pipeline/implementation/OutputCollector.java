package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.connectors.pipeline.models.PipelineOutputException;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Copies a finished run's CSV output from the output datastore and path into the client's lake, streaming, and
 * rejects an output that is missing, has no data rows, or lacks the Customer ID column.
 */
final class OutputCollector {
    private static final ClientLogger LOGGER = new ClientLogger(OutputCollector.class);
    private static final int MAX_HEADER = 1 << 20;

    private final Session session;

    OutputCollector(Session session) {
        this.session = session;
    }

    List<String> collect(JobHandle handle, String outputPrefix) {
        String tenant = HandleStates.require(handle, HandleState.TENANT);
        String datastore = HandleStates.require(handle, HandleState.OUTPUT_DATASTORE);
        String path = HandleStates.require(handle, HandleState.OUTPUT_PATH);
        String idColumn = handle.state().get(HandleState.CUSTOMER_ID);
        String where = datastore + ":" + path;
        LakeStore store = session.datastore(tenant, HandleStates.require(handle, HandleState.WORKSPACE), datastore);
        List<String> files;
        try (Stream<LakeObjectInfo> list = store.list(path.endsWith("/") ? path : path + "/")) {
            files = list.map(LakeObjectInfo::path).filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".csv")).toList();
        }
        if (files.isEmpty()) {
            throw fail(new PipelineOutputException("Pipeline run " + handle.jobId() + " completed but wrote no"
                    + " CSV output under path '" + path + "' of datastore '" + datastore + "'. Check that the"
                    + " pipeline writes its results to the datastore and path it receives in its output datastore"
                    + " and output path parameters.", handle.jobId(), where, List.of()));
        }
        List<String> written = new ArrayList<>();
        List<String> columns = List.of();
        boolean anyRows = false;
        for (String file : files) {
            String target = outputPrefix + String.format("part-%05d.csv", written.size());
            try (InputStream in = store.openRead(file)) {
                byte[] headerBytes = readLine(in);
                columns = parseHeader(new String(headerBytes, StandardCharsets.UTF_8));
                if (idColumn != null && !columns.isEmpty() && !columns.contains(idColumn)) {
                    written.forEach(p -> session.context.lake().delete(p));
                    throw fail(new PipelineOutputException("The output of pipeline run " + handle.jobId() + " at '"
                            + file + "' in datastore '" + datastore + "' has no Customer ID column '" + idColumn
                            + "'. Columns found: " + columns + ". Make the pipeline write the Customer ID, or change"
                            + " the workflow's Customer ID attribute.", handle.jobId(), datastore + ":" + file,
                            columns));
                }
                if (columns.isEmpty()) {
                    continue;
                }
                anyRows |= copy(headerBytes, in, target);
                written.add(target);
            } catch (IOException e) {
                throw new UncheckedIOException("Reading output '" + file + "' of " + store.describe() + " failed.", e);
            }
        }
        if (!anyRows) {
            written.forEach(p -> session.context.lake().delete(p));
            throw fail(new PipelineOutputException("The output of pipeline run " + handle.jobId() + " under path '"
                    + path + "' of datastore '" + datastore + "' has no data rows (" + files.size() + " file(s)). "
                    + "Columns found: " + columns + ". Check that the pipeline scored its input.", handle.jobId(),
                    where, columns));
        }
        LOGGER.info("Collected {} output file(s) of pipeline run {} from {}.", written.size(), handle.jobId(), where);
        return written;
    }

    /** Writes the header and the rest of the file; tells whether any data row followed the header. */
    private boolean copy(byte[] header, InputStream in, String target) throws IOException {
        LakeOutputStream out = session.context.lake().openWrite(target, WriteCondition.none());
        boolean data = false;
        try {
            out.write(header);
            out.write('\n');
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n && !data; i++) {
                    data = buffer[i] != '\r' && buffer[i] != '\n';
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        out.close();
        return data;
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (line.size() >= MAX_HEADER) {
                throw new IOException("The header line is longer than " + MAX_HEADER + " bytes.");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int start = len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        return java.util.Arrays.copyOfRange(bytes, start, len);
    }

    static List<String> parseHeader(String line) {
        List<String> out = new ArrayList<>();
        if (line.isBlank()) {
            return out;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().trim());
        return out;
    }

    private static PipelineOutputException fail(PipelineOutputException e) {
        return LOGGER.logThrowableAsWarning(e);
    }
}
