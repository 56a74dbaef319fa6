package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Scores a set of RRS chunks in three overlapping stages: a small pool reads chunks' rows from the lake and builds
 * their requests ahead of need; at most {@code concurrency} requests are in flight, each retried on transient
 * failures with backoff (a {@code Retry-After} from the service wins), and the next request leaves, on the thread
 * that read the last answer, as soon as one answers; another small pool relates the results to the rows and writes
 * each chunk's result file.
 */
final class RrsScorer {
    private static final ClientLogger LOGGER = new ClientLogger(RrsScorer.class);

    private final ConnectorContext context;
    private final Settings settings;
    private final Http http;
    private final Scheduler readers;
    private final Scheduler writers;
    private final JobStore store;
    private final Map<ResolvedService, HttpPipeline> pipelines = new ConcurrentHashMap<>();

    RrsScorer(ConnectorContext context, Settings settings, Http http, ExecutorService readPool,
            ExecutorService writePool, JobStore store) {
        this.context = context;
        this.settings = settings;
        this.http = http;
        this.readers = Schedulers.fromExecutorService(readPool, "studio-classic-rrs-read");
        this.writers = Schedulers.fromExecutorService(writePool, "studio-classic-rrs-write");
        this.store = store;
    }

    /** Why a round stopped early: a chunk that cannot be scored. */
    record Failure(String code, String message) {
    }

    private record Plan(JobManifest m, String manifestPath, ResolvedService svc, HttpPipeline pipeline,
            List<String> declared, String url, boolean table) {
    }

    /** A chunk read and ready to send. */
    private record Prepared(int chunk, List<List<String>> rows, byte[] body, String operation) {
    }

    /** A chunk's rows and the service's answer. */
    private record Answered(Prepared prepared, Http.Reply reply) {
    }

    /**
     * Scores the given chunks.
     *
     * @param stop tells the stages to stop taking chunks (the job was cancelled)
     * @return the failure that stopped the round, or {@code null}
     */
    Failure run(JobManifest m, String manifestPath, ResolvedService svc, List<Integer> chunks, BooleanSupplier stop) {
        boolean table = settings.tableFormat() && !svc.armService();
        Plan plan = new Plan(m, manifestPath, svc, pipelines.computeIfAbsent(svc,
                s -> context.pipeline(BearerPolicy.of(() -> s.key().value()))), declaredColumns(svc, m),
                svc.apiBase() + "/execute?api-version=2.0" + (table ? "&details=true" : "&format=swagger"), table);
        AtomicReference<Failure> failure = new AtomicReference<>();
        BooleanSupplier halted = () -> failure.get() != null || stop.getAsBoolean();
        int inFlight = m.concurrency();
        try {
            Flux.fromIterable(chunks)
                    .flatMap(c -> guarded(failure, c, halted, () -> Mono.fromCallable(() -> prepare(plan, c))
                            .subscribeOn(readers)), inFlight, 1)
                    // keep up to 4 × concurrency chunks read ahead, so a request leaves as soon as a slot frees
                    .limitRate(4 * inFlight, 1)
                    .flatMap(p -> guarded(failure, p.chunk(), halted, () -> send(plan, p, 1)), inFlight, 1)
                    // finishing never holds back sending: answers may wait here while the next requests leave
                    .flatMap(a -> guarded(failure, a.prepared().chunk(), () -> false, () -> Mono.fromCallable(() -> {
                        finish(plan, a);
                        return a;
                    }).subscribeOn(writers)), 4 * inFlight, 1)
                    .blockLast();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                throw new CustomModelsException("Interrupted while scoring chunks of run " + m.runId() + ".", e);
            }
            failure.compareAndSet(null, new Failure("ScoringFailed", String.valueOf(e.getMessage())));
        }
        return failure.get();
    }

    /** Runs a stage for one chunk unless the round is halted; a failure is recorded and ends only that chunk. */
    private static <T> Mono<T> guarded(AtomicReference<Failure> failure, int chunk, BooleanSupplier halted,
            java.util.function.Supplier<Mono<T>> stage) {
        if (halted.getAsBoolean()) {
            return Mono.empty();
        }
        return stage.get().onErrorResume(e -> {
            failure.compareAndSet(null, e instanceof StudioServiceException s
                    ? new Failure(s.reportedCode(), s.getMessage())
                    : new Failure("ScoringFailed", "Chunk " + chunk + ": " + e.getMessage()));
            return Mono.empty();
        });
    }

    private static List<String> declaredColumns(ResolvedService svc, JobManifest m) {
        try {
            return svc.contract().outputs().stream().filter(o -> m.output() == null || o.name().equals(m.output()))
                    .findFirst().map(ModelOutput::columns).orElse(List.of()).stream().map(ModelField::name).toList();
        } catch (CustomModelsException e) {
            return List.of();
        }
    }

    private Prepared prepare(Plan plan, int chunk) {
        JobManifest m = plan.m();
        JobManifest.InputPart input = m.inputs().get(0);
        JobManifest.ChunkSpan span = m.chunks().get(chunk);
        List<List<String>> rows = readRows(input.paths().get(span.file()), span.offset(), span.rows());
        int[] indexes = input.sentFields().stream().mapToInt(f -> input.stagedColumns().indexOf(f)).toArray();
        byte[] body = RrsBodies.request(plan.table(), input.name(), input.sentFields(), indexes, rows,
                m.parameters());
        return new Prepared(chunk, rows, body, "Scoring chunk " + chunk + " of run " + m.runId());
    }

    private Mono<Answered> send(Plan plan, Prepared p, int attempt) {
        return http.exchangeAsync(plan.pipeline(), HttpMethod.POST, plan.url(), p.body(), p.operation(),
                settings.timeout())
                .flatMap(reply -> reply.status() / 100 == 2 ? Mono.just(new Answered(p, reply))
                        : Mono.error(http.failure(p.operation(), reply)))
                .onErrorResume(StudioServiceException.class, failure -> {
                    if (!failure.isTransient() || attempt >= settings.maxAttempts()) {
                        LOGGER.warning("{} gave up after {} attempt(s): {}", p.operation(), attempt,
                                failure.getMessage());
                        return Mono.error(failure);
                    }
                    Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(attempt);
                    LOGGER.verbose("{} attempt {} failed ({}); retrying in {} ms.", p.operation(), attempt,
                            failure.reportedCode(), wait.toMillis());
                    return Mono.delay(wait).then(Mono.defer(() -> send(plan, p, attempt + 1)));
                });
    }

    private void finish(Plan plan, Answered a) {
        Prepared p = a.prepared();
        JobManifest.InputPart input = plan.m().inputs().get(0);
        RrsBodies.Table result = RrsBodies.response(a.reply().body(), plan.m().output(), plan.declared());
        if (result.rows().size() != p.rows().size()) {
            throw new StudioServiceException(p.operation() + ": the service returned " + result.rows().size()
                    + " rows for " + p.rows().size() + " input rows, so results cannot be related to input rows.",
                    a.reply().status(), "RowCountMismatch", null, null, null);
        }
        RowJoiner joiner = new RowJoiner(result.columns(), input.stagedColumns());
        StringBuilder csv = new StringBuilder(p.body().length + 64);
        Csv.append(csv, joiner.header());
        for (int i = 0; i < p.rows().size(); i++) {
            Csv.append(csv, joiner.join(result.rows().get(i), p.rows().get(i)));
        }
        // One file per chunk, replaced atomically: a second writer (another process scoring the same chunk) can
        // only put the same rows' results there, never add rows.
        store.lake().write(JobStore.chunkPath(plan.manifestPath(), p.chunk()),
                csv.toString().getBytes(StandardCharsets.UTF_8), WriteCondition.none());
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

    private Duration backoff(int attempt) {
        long base = settings.retryDelay().toNanos();
        long capped = Math.min(settings.maxRetryDelay().toNanos(), base << Math.min(attempt - 1, 30));
        return Duration.ofNanos((long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }
}
