package dev.custommodels.connectors.studio.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RRS scoring as a client-side job: submit indexes the staged CSV into chunks and writes the manifest; each poll
 * scores a bounded number of missing chunks; collect concatenates the chunk results in row order.
 */
final class RrsJobs {
    private static final ClientLogger LOGGER = new ClientLogger(RrsJobs.class);
    private static final int CHUNKS_PER_PART = 100;

    private final Settings settings;
    private final Catalog catalog;
    private final JobStore store;
    private final RrsScorer scorer;
    private final Set<String> cancelling = ConcurrentHashMap.newKeySet();

    RrsJobs(Settings settings, Catalog catalog, JobStore store, RrsScorer scorer) {
        this.settings = settings;
        this.catalog = catalog;
        this.store = store;
        this.scorer = scorer;
    }

    JobHandle submit(JobRequest request, ResolvedService svc) {
        if (request.inputs().size() != 1 || request.contract().inputs().size() > 1) {
            throw new IllegalArgumentException("RRS scoring sends exactly one input, but run " + request.runId()
                    + " has " + request.inputs().size() + " staged input(s) for a model with "
                    + request.contract().inputs().size() + "; set the option studio-classic.mode to bes.");
        }
        StagedInput staged = request.inputs().get(0);
        ModelInput modelInput = modelInput(request, staged);
        List<String> sent = sentFields(modelInput, staged);
        List<JobManifest.ChunkSpan> chunks = new ArrayList<>();
        long rows = 0;
        for (int f = 0; f < staged.paths().size(); f++) {
            String path = staged.paths().get(f);
            Csv.Index index;
            try (InputStream in = store.lake().openRead(path)) {
                index = Csv.index(in, settings.chunkSize());
            } catch (IOException e) {
                throw new UncheckedIOException("Reading staged input " + path + " failed.", e);
            }
            if (!index.header().equals(staged.columns())) {
                throw new IllegalArgumentException("The staged file " + path + " has the header " + index.header()
                        + ", not the staged input's columns " + staged.columns() + ".");
            }
            for (Csv.Span span : index.spans()) {
                chunks.add(new JobManifest.ChunkSpan(f, span.offset(), span.rows()));
            }
            rows += index.rows();
        }
        int concurrency = settings.concurrency() > 0 ? settings.concurrency()
                : Math.min(20, svc.maxConcurrentCalls() > 0 ? svc.maxConcurrentCalls() : 20);
        JobManifest manifest = new JobManifest(1, "rrs", request.runId(), request.workflowId(),
                request.model().tenantId(), request.model().workspaceId(), request.model().serviceId(),
                request.model().endpoint(), List.of(new JobManifest.InputPart(modelInput.name(), staged.paths(),
                        staged.columns(), sent, null)),
                outputName(request), request.parameters(), rows, settings.chunkSize(), concurrency, chunks, null,
                null, null);
        String path = JobStore.manifestPath(request.workPrefix());
        manifest = store.create(path, manifest);
        LOGGER.info("Run {}: RRS job of {} rows in {} chunks, {} in flight.", request.runId(), manifest.rowCount(),
                manifest.chunks().size(), manifest.concurrency());
        return JobStore.handle(manifest, path);
    }

    static ModelInput modelInput(JobRequest request, StagedInput staged) {
        if (request.contract().inputs().isEmpty()) {
            throw new IllegalArgumentException("The model " + request.model().displayString() + " has no input.");
        }
        return request.contract().input(staged.input()).orElseThrow(() -> new IllegalArgumentException(
                "The staged input '" + staged.input() + "' is not an input of the model; its inputs are "
                        + request.contract().inputs().stream().map(ModelInput::name).toList() + "."));
    }

    /** The model's fields in its order, checked against the staged columns. */
    static List<String> sentFields(ModelInput input, StagedInput staged) {
        if (!input.fieldsDeclared()) {
            return staged.columns();
        }
        List<String> sent = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ModelField f : input.fields()) {
            if (staged.columns().contains(f.name())) {
                sent.add(f.name());
            } else if (f.required()) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The staged input '" + staged.input() + "' lacks the model field(s) "
                    + missing + "; its columns are " + staged.columns() + ".");
        }
        return sent;
    }

    static String outputName(JobRequest request) {
        if (request.output().modelOutput() != null) {
            return request.output().modelOutput();
        }
        return request.contract().outputs().stream().findFirst().map(ModelOutput::name).orElse(null);
    }

    JobStatus poll(JobHandle handle) {
        String path = handle.state().get(JobStore.MANIFEST);
        JobManifest m = store.load(handle);
        JobStatus terminal = terminal(m, path);
        if (terminal != null) {
            return terminal;
        }
        Set<Integer> done = store.doneChunks(path);
        List<Integer> todo = new ArrayList<>();
        for (int c = 0; c < m.chunks().size() && todo.size() < settings.chunksPerPoll(); c++) {
            if (!done.contains(c)) {
                todo.add(c);
            }
        }
        if (!todo.isEmpty()) {
            RrsScorer.Failure failure = scorer.run(m, path, catalog.resolve(m.model()), todo,
                    () -> cancelling.contains(path));
            if (failure != null) {
                store.markFailed(path, failure.code(), failure.message());
            }
            terminal = terminal(m, path);
            if (terminal != null) {
                return terminal;
            }
            done = store.doneChunks(path);
        }
        long rowsDone = rowsDone(m, done);
        boolean finished = done.size() >= m.chunks().size();
        LOGGER.info("Run {}: {} of {} chunks scored.", m.runId(), done.size(), m.chunks().size());
        return new JobStatus(finished ? JobState.SUCCEEDED : JobState.RUNNING, finished ? "Finished" : "Running",
                null, null, rowsDone, m.rowCount(), null);
    }

    private JobStatus terminal(JobManifest m, String path) {
        var failure = store.failure(path);
        if (failure.isPresent()) {
            return new JobStatus(JobState.FAILED, "Failed", failure.get()[0], failure.get()[1],
                    rowsDone(m, store.doneChunks(path)), m.rowCount(), null);
        }
        if (store.isCancelled(path)) {
            return new JobStatus(JobState.CANCELED, "Cancelled", null, null, rowsDone(m, store.doneChunks(path)),
                    m.rowCount(), null);
        }
        return null;
    }

    private static long rowsDone(JobManifest m, Set<Integer> done) {
        long rows = 0;
        for (int c : done) {
            if (c < m.chunks().size()) {
                rows += m.chunks().get(c).rows();
            }
        }
        return rows;
    }

    void cancel(JobHandle handle) {
        String path = handle.state().get(JobStore.MANIFEST);
        JobManifest m = store.load(handle);
        if (store.isCancelled(path) || store.failure(path).isPresent()
                || store.doneChunks(path).size() >= m.chunks().size()) {
            return;
        }
        cancelling.add(path);
        store.markCancelled(path);
        LOGGER.info("Run {}: RRS job cancelled.", m.runId());
    }

    List<String> collect(JobHandle handle, String outputPrefix) {
        String path = handle.state().get(JobStore.MANIFEST);
        JobManifest m = store.load(handle);
        Set<Integer> done = store.doneChunks(path);
        if (done.size() < m.chunks().size()) {
            throw new CustomModelsException("Run " + m.runId() + " is not finished: " + done.size() + " of "
                    + m.chunks().size() + " chunks are scored under " + JobStore.base(path) + "chunks/.");
        }
        List<String> written = new ArrayList<>();
        if (m.chunks().isEmpty()) {
            String part = outputPrefix + "part-00000.csv";
            StringBuilder header = new StringBuilder();
            Csv.append(header, new RowJoiner(List.of(), m.inputs().get(0).stagedColumns()).header());
            store.lake().write(part, header.toString().getBytes(StandardCharsets.UTF_8), WriteCondition.none());
            return List.of(part);
        }
        byte[] expectedHeader = null;
        for (int first = 0; first < m.chunks().size(); first += CHUNKS_PER_PART) {
            String part = outputPrefix + String.format("part-%05d.csv", first / CHUNKS_PER_PART);
            LakeOutputStream out = store.lake().openWrite(part, WriteCondition.none());
            try {
                for (int c = first; c < Math.min(first + CHUNKS_PER_PART, m.chunks().size()); c++) {
                    byte[] bytes = store.lake().readAll(JobStore.chunkPath(path, c));
                    int headerEnd = headerEnd(bytes);
                    byte[] header = java.util.Arrays.copyOf(bytes, headerEnd);
                    if (expectedHeader == null) {
                        expectedHeader = header;
                    } else if (!java.util.Arrays.equals(expectedHeader, header)) {
                        out.abort();
                        throw new CustomModelsException("Chunk " + c + " of run " + m.runId() + " has the columns "
                                + new String(header, StandardCharsets.UTF_8).trim() + ", unlike chunk 0 ("
                                + new String(expectedHeader, StandardCharsets.UTF_8).trim() + ").");
                    }
                    if (c == first) {
                        out.write(header);
                    }
                    out.write(bytes, headerEnd, bytes.length - headerEnd);
                }
                out.close();
            } catch (IOException e) {
                out.abort();
                throw new UncheckedIOException("Writing " + part + " failed.", e);
            }
            written.add(part);
        }
        return written;
    }

    /** The length of the header record including its line feed (headers hold no quoted line breaks). */
    private static int headerEnd(byte[] bytes) {
        boolean quoted = false;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == '\n' && !quoted) {
                return i + 1;
            }
        }
        return bytes.length;
    }
}
