package dev.custommodels.connectors.batch.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a finished job's output from the datastore into the client's lake as CSV with a header row. A model
 * deployment's MLflow-layout output is joined back onto the input rows (see {@link PredictionJoin}); any other
 * model output is copied with generic column names; a pipeline's output files are copied as they are.
 */
final class OutputCollector {
    private static final ClientLogger LOGGER = new ClientLogger(OutputCollector.class);

    private final LakeStore lake;

    OutputCollector(LakeStore lake) {
        this.lake = lake;
    }

    List<String> collect(LakeStore store, BatchJobRef ref, String outputPrefix) {
        DatastorePath out = DatastorePath.parse(ref.outputUri()).orElseThrow(() -> new IllegalArgumentException(
                "Job handle " + ref.jobName() + " has an unreadable output location."));
        try {
            return ref.kind() == DeploymentInfo.Kind.MODEL ? collectModel(store, ref, out, outputPrefix)
                    : collectPipeline(store, ref, out, outputPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Collecting the output of job " + ref.jobName() + " from "
                    + out.uri() + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> collectModel(LakeStore store, BatchJobRef ref, DatastorePath out, String prefix)
            throws IOException {
        if (store.stat(out.lakePath()).isEmpty()) {
            throw new CustomModelsException("Job " + ref.jobName() + " completed but wrote no output at "
                    + out.uri() + ". A deployment whose script writes its own files (outputAction SummaryOnly)"
                    + " cannot be collected; use one that appends rows to its predictions file.");
        }
        DatastorePath in = DatastorePath.parse(ref.inputUri()).orElseThrow(() -> new IllegalArgumentException(
                "Job handle " + ref.jobName() + " has no readable input location."));
        List<PredictionJoin.InputFile> inputs = inputFiles(store, in.lakePath() + "/");
        Map<String, Integer> index = new HashMap<>();
        inputs.forEach(f -> index.put(f.name(), index.size()));
        List<String> first;
        try (BufferedReader r = PredictionJoin.reader(store, out.lakePath())) {
            first = new Csv(r).next();
        }
        if (first == null || PredictionJoin.isMlflowRecord(first, index)) {
            PredictionJoin.Result result = new PredictionJoin(store, lake, prefix, ref.jobName())
                    .join(out.lakePath(), inputs);
            LOGGER.info("Collected job {}: {} input rows, {} without prediction.", ref.jobName(), result.inputRows(),
                    result.missingRows());
            return result.paths();
        }
        return copyOpaque(store, ref, out, inputs, first.size(), prefix);
    }

    /** Copies an output that does not name its rows, and fails when it holds fewer rows than the input. */
    private List<String> copyOpaque(LakeStore store, BatchJobRef ref, DatastorePath out,
            List<PredictionJoin.InputFile> inputs, int columns, String prefix) throws IOException {
        String target = prefix + out.fileName();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            header.add("column" + i);
        }
        long outputRows = 0;
        LakeOutputStream stream = lake.openWrite(target, WriteCondition.none());
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        try (BufferedReader r = PredictionJoin.reader(store, out.lakePath())) {
            w.write(Csv.line(header));
            Csv csv = new Csv(r);
            for (List<String> rec = csv.next(); rec != null; rec = csv.next()) {
                w.write(Csv.line(rec));
                outputRows++;
            }
            w.close();
        } catch (IOException | RuntimeException e) {
            stream.abort();
            throw e;
        }
        long inputRows = 0;
        for (PredictionJoin.InputFile f : inputs) {
            inputRows += dataRows(store, f.path());
        }
        if (outputRows < inputRows) {
            throw LOGGER.logExceptionAsWarning(new CustomModelsException("Job " + ref.jobName() + " completed with "
                    + outputRows + " output rows for " + inputRows + " input rows, and its output (written by the"
                    + " deployment's scoring script) does not say which rows it scored, so the "
                    + (inputRows - outputRows) + " missing rows cannot be named. Let the script return row and"
                    + " file_name columns as MLflow deployments do (row, prediction, file_name), or set the"
                    + " deployment's error_threshold to 0 so that such a job fails instead."));
        }
        lake.delete(prefix + dev.custommodels.connectors.batch.BatchEndpointOptions.MISSING_ROWS_FILE);
        return List.of(target);
    }

    private List<String> collectPipeline(LakeStore store, BatchJobRef ref, DatastorePath out, String prefix)
            throws IOException {
        List<String> sources = new ArrayList<>();
        if (ref.outputIsFolder()) {
            String folder = out.lakePath() + "/";
            try (Stream<LakeObjectInfo> list = store.list(folder)) {
                list.map(LakeObjectInfo::path).filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .sorted().forEach(sources::add);
            }
            if (sources.isEmpty()) {
                throw new CustomModelsException("Job " + ref.jobName() + " completed but its output folder "
                        + out.uri() + " holds no CSV file; the pipeline must write its results there as CSV.");
            }
        } else if (store.stat(out.lakePath()).isPresent()) {
            sources.add(out.lakePath());
        } else {
            throw new CustomModelsException("Job " + ref.jobName() + " completed but wrote no output at " + out.uri()
                    + ".");
        }
        List<String> written = new ArrayList<>();
        String base = ref.outputIsFolder() ? out.lakePath() + "/" : out.lakePath().substring(0,
                out.lakePath().lastIndexOf('/') + 1);
        for (String source : sources) {
            String target = prefix + source.substring(base.length()).replace('/', '-');
            LakeOutputStream stream = lake.openWrite(target, WriteCondition.none());
            try {
                try (InputStream in = store.openRead(source)) {
                    in.transferTo(stream);
                }
                stream.close();
            } catch (IOException | RuntimeException e) {
                stream.abort();
                throw e;
            }
            written.add(target);
        }
        LOGGER.info("Collected job {}: {} files from {}.", ref.jobName(), written.size(), out.uri());
        return written;
    }

    private static List<PredictionJoin.InputFile> inputFiles(LakeStore store, String folder) {
        try (Stream<LakeObjectInfo> list = store.list(folder)) {
            return list.map(LakeObjectInfo::path).filter(p -> p.indexOf('/', folder.length()) < 0).sorted()
                    .map(p -> new PredictionJoin.InputFile(p, p.substring(folder.length()))).toList();
        }
    }

    private static long dataRows(LakeStore store, String path) throws IOException {
        long n = -1; // the header row
        try (BufferedReader r = PredictionJoin.reader(store, path)) {
            Csv csv = new Csv(r);
            while (csv.next() != null) {
                n++;
            }
        }
        return Math.max(n, 0);
    }
}
