package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.spi.ConnectorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Scores a set of RRS chunks with bounded concurrency: each worker reads a chunk's rows from the lake, sends them,
 * retries transient failures with backoff (a {@code Retry-After} from the service wins), relates the results to
 * the rows and writes the chunk's result file once.
 */
final class RrsScorer {
    private static final ClientLogger LOGGER = new ClientLogger(RrsScorer.class);

    private final ConnectorContext context;
    private final Settings settings;
    private final Http http;
    private final ExecutorService executor;
    private final JobStore store;
    private final Map<ResolvedService, HttpPipeline> pipelines = new ConcurrentHashMap<>();

    RrsScorer(ConnectorContext context, Settings settings, Http http, ExecutorService executor, JobStore store) {
        this.context = context;
        this.settings = settings;
        this.http = http;
        this.executor = executor;
        this.store = store;
    }

    /** Why a round stopped early: a chunk that cannot be scored. */
    record Failure(String code, String message) {
    }

    /**
     * Scores the given chunks.
     *
     * @param stop tells workers to stop taking chunks (the job was cancelled)
     * @return the failure that stopped the round, or {@code null}
     */
    Failure run(JobManifest m, String manifestPath, ResolvedService svc, List<Integer> chunks, BooleanSupplier stop) {
        Queue<Integer> queue = new ConcurrentLinkedQueue<>(chunks);
        AtomicReference<Failure> failure = new AtomicReference<>();
        Plan plan = new Plan(m, manifestPath, svc, pipelines.computeIfAbsent(svc,
                s -> context.pipeline(BearerPolicy.of(() -> s.key().value()))), declaredColumns(svc, m));
        int workers = Math.min(m.concurrency(), chunks.size());
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(executor.submit(() -> {
                for (Integer c = queue.poll(); c != null && failure.get() == null && !stop.getAsBoolean();
                        c = queue.poll()) {
                    try {
                        scoreChunk(plan, c);
                    } catch (StudioServiceException e) {
                        failure.compareAndSet(null, new Failure(e.reportedCode(), e.getMessage()));
                    } catch (CustomModelsException | IllegalStateException | UncheckedIOException e) {
                        failure.compareAndSet(null, new Failure("ScoringFailed", "Chunk " + c + ": "
                                + e.getMessage()));
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new CustomModelsException("Interrupted while scoring chunks of run " + m.runId() + ".", e);
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new Failure("ScoringFailed", String.valueOf(e.getCause())));
            }
        }
        return failure.get();
    }

    private record Plan(JobManifest m, String manifestPath, ResolvedService svc, HttpPipeline pipeline,
            List<String> declared) {
    }

    private static List<String> declaredColumns(ResolvedService svc, JobManifest m) {
        try {
            return svc.contract().outputs().stream().filter(o -> m.output() == null || o.name().equals(m.output()))
                    .findFirst().map(ModelOutput::columns).orElse(List.of()).stream()
                    .map(dev.custommodels.models.ModelField::name).toList();
        } catch (CustomModelsException e) {
            return List.of();
        }
    }

    private void scoreChunk(Plan plan, int chunk) {
        JobManifest m = plan.m();
        JobManifest.InputPart input = m.inputs().get(0);
        JobManifest.ChunkSpan span = m.chunks().get(chunk);
        List<List<String>> rows = readRows(input.paths().get(span.file()), span.offset(), span.rows());
        int[] indexes = input.sentFields().stream().mapToInt(f -> input.stagedColumns().indexOf(f)).toArray();
        boolean table = settings.tableFormat() && !plan.svc().armService();
        byte[] body = RrsBodies.request(table, input.name(), input.sentFields(), indexes, rows, m.parameters());
        String url = plan.svc().apiBase() + "/execute?api-version=2.0" + (table ? "&details=true" : "&format=swagger");
        String op = "Scoring chunk " + chunk + " of run " + m.runId();
        Http.Reply reply = sendWithRetries(plan.pipeline(), url, body, op);
        RrsBodies.Table result = RrsBodies.response(reply.json("RRS response"), m.output(), plan.declared());
        if (result.rows().size() != rows.size()) {
            throw new StudioServiceException(op + ": the service returned " + result.rows().size() + " rows for "
                    + rows.size() + " input rows, so results cannot be related to input rows.", reply.status(),
                    "RowCountMismatch", null, null, null);
        }
        RowJoiner joiner = new RowJoiner(result.columns(), input.stagedColumns());
        StringBuilder csv = new StringBuilder(body.length + 64);
        Csv.append(csv, joiner.header());
        for (int i = 0; i < rows.size(); i++) {
            Csv.append(csv, joiner.join(result.rows().get(i), rows.get(i)));
        }
        try {
            store.lake().write(JobStore.chunkPath(plan.manifestPath(), chunk),
                    csv.toString().getBytes(StandardCharsets.UTF_8), dev.custommodels.spi.WriteCondition.ifNotExists());
        } catch (LakeConditionFailedException e) {
            LOGGER.verbose("Chunk {} of run {} was written by another worker already.", chunk, m.runId());
        }
    }

    private List<List<String>> readRows(String path, long offset, int count) {
        try (InputStream in = store.lake().openRead(path)) {
            Csv.skipFully(in, offset);
            List<List<String>> rows = new ArrayList<>(count);
            try (Csv.RecordReader reader = Csv.reader(in)) {
                for (int i = 0; i < count; i++) {
                    List<String> row = reader.next();
                    if (row == null) {
                        throw new IllegalStateException("The staged input " + path + " changed since submit: it"
                                + " ends before the chunk's row " + i + ".");
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading staged input " + path + " failed.", e);
        }
    }

    private Http.Reply sendWithRetries(HttpPipeline pipeline, String url, byte[] body, String op) {
        for (int attempt = 1;; attempt++) {
            StudioServiceException failure;
            try {
                Http.Reply reply = http.exchange(pipeline, HttpMethod.POST, url, body, op, settings.timeout());
                if (reply.status() / 100 == 2) {
                    return reply;
                }
                failure = http.failure(op, reply);
            } catch (StudioServiceException e) {
                failure = e;
            }
            if (!failure.isTransient() || attempt >= settings.maxAttempts()) {
                LOGGER.warning("{} gave up after {} attempt(s): {}", op, attempt, failure.getMessage());
                throw failure;
            }
            Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(attempt);
            LOGGER.verbose("{} attempt {} failed ({}); retrying in {} ms.", op, attempt, failure.reportedCode(),
                    wait.toMillis());
            sleep(wait);
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.retryDelay().toNanos();
        long capped = Math.min(settings.maxRetryDelay().toNanos(), base << Math.min(attempt - 1, 30));
        return Duration.ofNanos((long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    private static void sleep(Duration wait) {
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos()); // backoff between attempts, as the service asked
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomModelsException("Interrupted while waiting to retry an RRS request.", e);
        }
    }
}
