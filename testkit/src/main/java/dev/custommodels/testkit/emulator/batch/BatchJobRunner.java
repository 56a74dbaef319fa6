package dev.custommodels.testkit.emulator.batch;

import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Executes an emulated job: lists the input folder (not recursively), reads the CSV files from the datastore's
 * store, scores every row with the deployment's model function and writes the output where the job asked.
 */
final class BatchJobRunner {
    private static final Set<String> MLFLOW_EXTENSIONS = Set.of("csv", "parquet", "pqt", "png", "jpg", "jpeg",
            "tiff", "bmp", "gif");

    /** What one execution produced. */
    record Outcome(long rowsScored, long rowsFailed, String errorCode, String errorMessage) {
        static Outcome failed(String code, String message) {
            return new Outcome(0, 0, code, message);
        }
    }

    private record InputFile(String path, String name) {
    }

    private final BatchEndpointEmulator emulator;

    BatchJobRunner(BatchEndpointEmulator emulator) {
        this.emulator = emulator;
    }

    Outcome run(EmulatedBatchJob job) {
        try {
            return job.deployment().kind() == EmulatedBatchDeployment.Kind.MODEL ? runModel(job) : runPipeline(job);
        } catch (JobFailure f) {
            return Outcome.failed(f.code, f.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed("SystemError", "Reading or writing job data failed: " + e.getMessage());
        }
    }

    private Outcome runModel(EmulatedBatchJob job) throws IOException {
        EmulatedBatchDeployment dep = job.deployment();
        EmulatedBatchJob.Port input = job.inputs().values().iterator().next();
        List<InputFile> files = inputFiles(job, input);
        List<String> signature = emulator.modelVersion(dep.assetId()).map(EmulatedModelVersion::signatureColumns)
                .orElse(List.of());
        for (InputFile f : files) {
            String ext = f.name().contains(".") ? f.name().substring(f.name().lastIndexOf('.') + 1) : "";
            if (!MLFLOW_EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT)) || !ext.equalsIgnoreCase("csv")) {
                throw new JobFailure("UserError", "Unsupported file type '." + ext + "' in the input folder: "
                        + f.name() + ". Only .csv files are read by this deployment.");
            }
        }
        String outputName = job.outputs().keySet().stream().findFirst().orElse("score");
        DatastoreRef out = outputRef(job, outputName, "azureml/" + job.name() + "/score/" + dep.outputFileName());
        job.setOutput(outputName, new EmulatedBatchJob.Port("UriFile", out.uri(), null));
        List<List<InputFile>> miniBatches = new ArrayList<>();
        for (int i = 0; i < files.size(); i += dep.miniBatchSize()) {
            miniBatches.add(files.subList(i, Math.min(files.size(), i + dep.miniBatchSize())));
        }
        Collections.reverse(miniBatches); // the service keeps no order across mini-batches
        boolean summaryOnly = dep.outputAction().equalsIgnoreCase("SummaryOnly");
        Counter counter = new Counter(dep.failEveryNthRow());
        LakeStore outStore = store(job, out.datastore());
        LakeOutputStream stream = summaryOnly ? null : openOutput(outStore, out);
        Writer w = stream == null ? Writer.nullWriter() : new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        try {
            for (List<InputFile> batch : miniBatches) {
                for (InputFile f : batch) {
                    scoreModelFile(job, f, signature, counter, w);
                }
            }
            Optional<String> problem = thresholdProblem(dep, counter);
            if (problem.isPresent()) {
                throw new JobFailure("UserError", problem.get());
            }
            w.close();
        } catch (LakeConditionFailedException e) {
            throw new JobFailure("UserError", alreadyExists(out));
        } catch (RuntimeException | IOException e) {
            if (stream != null) {
                stream.abort();
            }
            throw e;
        }
        return new Outcome(counter.scored, counter.failed, null, null);
    }

    private void scoreModelFile(EmulatedBatchJob job, InputFile f, List<String> signature, Counter counter,
            Writer w) throws IOException {
        EmulatedBatchDeployment dep = job.deployment();
        LakeStore store = store(job, DatastoreRef.parse(job.inputs().values().iterator().next().uri())
                .orElseThrow().datastore());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(store.openRead(f.path()),
                StandardCharsets.UTF_8))) {
            EmulatorCsv csv = new EmulatorCsv(r);
            List<String> header = csv.next();
            if (header == null) {
                return;
            }
            if (!header.containsAll(signature)) {
                counter.failFile(countRows(csv));
                return; // the file fails: its columns do not match the model signature
            }
            long row = 0;
            for (List<String> values = csv.next(); values != null; values = csv.next(), row++) {
                Map<String, String> named = named(header, values);
                Optional<String> prediction = counter.score(dep.scorer(), named);
                if (prediction.isEmpty()) {
                    continue;
                }
                List<String> line = new ArrayList<>();
                if (dep.layout() == EmulatedBatchDeployment.OutputLayout.MLFLOW) {
                    line.add(Long.toString(row));
                    line.add(prediction.get());
                    line.add(f.name());
                } else {
                    line.addAll(values);
                    line.add(prediction.get());
                }
                w.write(EmulatorCsv.line(line));
                w.write('\n');
            }
        }
    }

    private Outcome runPipeline(EmulatedBatchJob job) throws IOException {
        EmulatedBatchDeployment dep = job.deployment();
        EmulatedComponentVersion component = emulator.componentVersion(dep.assetId()).orElseThrow(
                () -> new JobFailure("UserError", "Component " + dep.assetId() + " was not found."));
        EmulatedBatchJob.Port input = null;
        for (Map.Entry<String, EmulatedBatchJob.Port> e : job.inputs().entrySet()) {
            String type = String.valueOf(component.inputs().get(e.getKey()).get("type"));
            if (type.equalsIgnoreCase("uri_folder") || type.equalsIgnoreCase("uri_file")) {
                input = e.getValue();
                break;
            }
        }
        if (input == null) {
            throw new JobFailure("UserError", "The pipeline has no data input to read.");
        }
        List<InputFile> files = inputFiles(job, input);
        Counter counter = new Counter(dep.failEveryNthRow());
        for (Map.Entry<String, Map<String, Object>> o : component.outputs().entrySet()) {
            String type = String.valueOf(o.getValue().getOrDefault("type", "uri_folder"));
            boolean folder = type.equalsIgnoreCase("uri_folder");
            if (!folder && !type.equalsIgnoreCase("uri_file")) {
                continue;
            }
            EmulatedBatchJob.Port port = job.outputs().get(o.getKey());
            String defaultPath = "azureml/" + job.name() + "/" + o.getKey() + "/";
            DatastoreRef ref = port != null && port.uri() != null ? DatastoreRef.parse(port.uri()).orElseThrow()
                    : DatastoreRef.parse("azureml://datastores/workspaceblobstore/paths/" + defaultPath).orElseThrow();
            job.setOutput(o.getKey(), new EmulatedBatchJob.Port(folder ? "UriFolder" : "UriFile", ref.uri(), null));
            DatastoreRef file = folder ? new DatastoreRef(ref.datastore(), ref.trimmedPath() + "/scores.csv") : ref;
            counter = new Counter(dep.failEveryNthRow());
            writePipelineOutput(job, input, files, file, counter);
        }
        return new Outcome(counter.scored, counter.failed, null, null);
    }

    private void writePipelineOutput(EmulatedBatchJob job, EmulatedBatchJob.Port input, List<InputFile> files,
            DatastoreRef out, Counter counter) throws IOException {
        LakeStore inStore = store(job, DatastoreRef.parse(input.uri()).orElseThrow().datastore());
        LakeOutputStream stream = openOutput(store(job, out.datastore()), out);
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        try {
            boolean headerWritten = false;
            for (InputFile f : files) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(inStore.openRead(f.path()),
                        StandardCharsets.UTF_8))) {
                    EmulatorCsv csv = new EmulatorCsv(r);
                    List<String> header = csv.next();
                    if (header == null) {
                        continue;
                    }
                    if (!headerWritten) {
                        List<String> h = new ArrayList<>(header);
                        h.add("score");
                        w.write(EmulatorCsv.line(h) + "\n");
                        headerWritten = true;
                    }
                    for (List<String> values = csv.next(); values != null; values = csv.next()) {
                        Optional<String> p = counter.score(job.deployment().scorer(), named(header, values));
                        if (p.isPresent()) {
                            List<String> line = new ArrayList<>(values);
                            line.add(p.get());
                            w.write(EmulatorCsv.line(line) + "\n");
                        }
                    }
                }
            }
            w.close();
        } catch (LakeConditionFailedException e) {
            throw new JobFailure("UserError", alreadyExists(out));
        } catch (RuntimeException | IOException e) {
            stream.abort();
            throw e;
        }
    }

    private List<InputFile> inputFiles(EmulatedBatchJob job, EmulatedBatchJob.Port input) {
        DatastoreRef ref = DatastoreRef.parse(input.uri()).orElseThrow(() -> new JobFailure("UserError",
                "Dataset initialization failed: cannot mount '" + input.uri() + "'."));
        LakeStore store = store(job, ref.datastore());
        List<InputFile> files = new ArrayList<>();
        boolean file = input.type() != null && input.type().replace("_", "").equalsIgnoreCase("UriFile");
        if (file) {
            if (store.stat(ref.trimmedPath()).isEmpty()) {
                throw new JobFailure("UserError", "Dataset initialization failed: the file '" + input.uri()
                        + "' does not exist.");
            }
            String p = ref.trimmedPath();
            files.add(new InputFile(p, p.substring(p.lastIndexOf('/') + 1)));
            return files;
        }
        String prefix = ref.trimmedPath() + "/";
        try (Stream<LakeObjectInfo> list = store.list(prefix)) {
            list.map(LakeObjectInfo::path).filter(p -> p.indexOf('/', prefix.length()) < 0) // not recursive
                    .forEach(p -> files.add(new InputFile(p, p.substring(prefix.length()))));
        }
        if (files.isEmpty()) {
            throw new JobFailure("UserError", "ValueError: No objects to concatenate. The input folder '"
                    + input.uri() + "' has no files.");
        }
        return files;
    }

    private DatastoreRef outputRef(EmulatedBatchJob job, String outputName, String defaultPath) {
        EmulatedBatchJob.Port port = job.outputs().get(outputName);
        if (port != null && port.uri() != null) {
            return DatastoreRef.parse(port.uri()).orElseThrow(() -> new JobFailure("UserError",
                    "The output '" + port.uri() + "' is not a datastore path."));
        }
        return new DatastoreRef("workspaceblobstore", defaultPath);
    }

    private LakeOutputStream openOutput(LakeStore store, DatastoreRef out) {
        if (store.stat(out.trimmedPath()).isPresent()) {
            throw new JobFailure("UserError", alreadyExists(out));
        }
        return store.openWrite(out.trimmedPath(), WriteCondition.ifNotExists());
    }

    private LakeStore store(EmulatedBatchJob job, String datastore) {
        return emulator.datastoreStore(job.endpoint().workspaceId(), datastore).orElseThrow(() -> new JobFailure(
                "UserError", "Datastore '" + datastore + "' was not found in the workspace."));
    }

    private static String alreadyExists(DatastoreRef out) {
        return "UserErrorException: the output path " + out.uri() + " already exists. Batch jobs do not overwrite"
                + " outputs; pass a new output location.";
    }

    private static Optional<String> thresholdProblem(EmulatedBatchDeployment dep, Counter counter) {
        if (counter.scored == 0) {
            return Optional.of("No succeeded mini batch item returned from run(). " + counter.failed
                    + " items failed.");
        }
        if (dep.errorThreshold() >= 0 && counter.failed > dep.errorThreshold()) {
            return Optional.of("The job was aborted: " + counter.failed + " items failed, more than the error"
                    + " threshold of " + dep.errorThreshold() + ".");
        }
        return Optional.empty();
    }

    private static long countRows(EmulatorCsv csv) throws IOException {
        long n = 0;
        while (csv.next() != null) {
            n++;
        }
        return n;
    }

    private static Map<String, String> named(List<String> header, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), i < values.size() ? values.get(i) : "");
        }
        return m;
    }

    /** Counts scored and failed rows, failing every n-th row when asked to. */
    private static final class Counter {
        private final int failEvery;
        private long seen;
        private long scored;
        private long failed;

        Counter(int failEvery) {
            this.failEvery = failEvery;
        }

        Optional<String> score(BatchScorer scorer, Map<String, String> row) {
            seen++;
            if (failEvery > 0 && seen % failEvery == 0) {
                failed++;
                return Optional.empty();
            }
            try {
                String p = scorer.score(row);
                scored++;
                return Optional.of(p == null ? "" : p);
            } catch (RuntimeException e) {
                failed++;
                return Optional.empty();
            }
        }

        void failFile(long rows) {
            seen += rows;
            failed += rows;
        }
    }

    /** Ends an execution with a job failure. */
    static final class JobFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        JobFailure(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
