package dev.custommodels.benchmarks;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Context;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorProvider;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultInjector;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.studio.StudioClassicEmulator;
import dev.custommodels.testkit.emulator.studio.StudioColumn;
import dev.custommodels.testkit.emulator.studio.StudioModel;
import dev.custommodels.testkit.emulator.studio.StudioServiceSpec;
import dev.custommodels.testkit.emulator.studio.StudioWebService;
import dev.custommodels.testkit.emulator.studio.StudioWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * {@code rrs}: scores N rows through the Studio (classic) connector against the RRS emulator on loopback, with a
 * fixed service latency on every scoring request, and compares rows/s with the ceiling
 * {@code concurrency × chunk ÷ latency}, where the latency is the mean round trip of the scoring requests measured
 * in the same run (the ideal ceiling at exactly the configured latency is printed too).
 */
public final class RrsWorkload implements Workload {
    private static final String TENANT = "bench-tenant";

    /** Created by {@link ServiceLoader}. */
    public RrsWorkload() {
    }

    @Override
    public String name() {
        return "rrs";
    }

    @Override
    public String usage() {
        return "rrs [rows=200000] [chunk=1000] [concurrency=8] [latencyMs=25]";
    }

    @Override
    public void run(String[] args) throws Exception {
        int rows = arg(args, 0, 200_000);
        int chunk = arg(args, 1, 1000);
        int concurrency = arg(args, 2, 8);
        int latencyMs = arg(args, 3, 25);
        Path dir = Files.createTempDirectory("cm-rrs-bench");
        StudioClassicEmulator studio = new StudioClassicEmulator().subscription(TENANT, "bench-sub");
        StudioWorkspace ws = studio.addWorkspace("bench-sub", "rg", "bench-ws", "southcentralus");
        StudioWebService svc = studio.addWebService(ws, StudioServiceSpec.builder("Churn")
                .input("input1", StudioColumn.integer("age"), StudioColumn.number("income"),
                        StudioColumn.string("plan"))
                .output("output1", StudioColumn.string("Scored Labels"), StudioColumn.number("Scored Probabilities"))
                .model(StudioModel.logistic(Map.of("age", 0.04, "income", -0.00002), -0.5))
                .maxConcurrentCalls(200).build());
        FaultInjector faults = new FaultInjector().on("POST", ".*/execute",
                FaultPlan.always(new Fault.Delay(Duration.ofMillis(latencyMs))));
        Timing timing = new Timing();
        try (Emulator emulator = Emulator.builder().service(studio).faults(faults).recordBodies(false).build()
                .start()) {
            LocalLakeStore lake = new LocalLakeStore(dir);
            HttpClient http = timing.wrap(new NettyAsyncHttpClientBuilder().build());
            TestConnectorContext context = TestConnectorContext.builder().httpClient(http).lake(lake)
                    .credential(TENANT, new FakeTokenCredential(TENANT))
                    .option("studio-classic.armEndpoint", emulator.baseUrl())
                    .option("studio-classic.managementEndpoint", emulator.baseUrl())
                    .option("studio-classic.mode", "rrs")
                    .option("studio-classic.rrs.chunkSize", Integer.toString(chunk))
                    .option("studio-classic.rrs.concurrency", Integer.toString(concurrency))
                    .option("studio-classic.rrs.chunksPerPoll", "1000000").build();
            Connector connector = provider("studio-classic").create(context);
            ModelReference model = new ModelReference("studio-classic", TENANT, ws.armId(), svc.serviceId(), null);
            int warmup = Math.min(rows, 100 * chunk);
            System.out.println("rrs: warming up (" + warmup + " rows)");
            score(connector, lake, model, "warmup", warmup);
            timing.reset();
            Result r = score(connector, lake, model, "measured", rows);
            double seconds = r.seconds();
            double rowsPerSecond = rows / seconds;
            double latency = timing.meanMillis();
            double ceiling = concurrency * (double) chunk / (latency / 1000.0);
            double ideal = concurrency * (double) chunk / (latencyMs / 1000.0);
            System.out.printf(Locale.ROOT, "rrs: %d rows in %d chunks of %d, concurrency %d, service latency %d ms,"
                    + " loopback HTTP (Netty); %d processors, system load average %.1f%n", rows, timing.count(), chunk,
                    concurrency, latencyMs, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "rrs: scoring took %.3f s (submit to Finished, of which submit %.3f s);"
                    + " collect took %.3f s; %d output rows%n", seconds, r.submitSeconds(), r.collectSeconds(),
                    r.outputRows());
            System.out.printf(Locale.ROOT, "rrs: first request to last answer %.3f s, %.2f requests in flight on"
                    + " average%n", timing.windowSeconds(), timing.meanInFlight());
            System.out.printf(Locale.ROOT, "rrs: mean scoring round trip %.2f ms (configured %d ms); ideal ceiling"
                    + " %.0f rows/s, ratio against it %.2f%n", latency, latencyMs, ideal, rowsPerSecond / ideal);
            System.out.printf(Locale.ROOT, "rrs: ratio=%.2f rows_per_s=%.0f ceiling=%.0f%n", rowsPerSecond / ceiling,
                    rowsPerSecond, ceiling);
        } finally {
            delete(dir);
        }
    }

    private record Result(double seconds, double submitSeconds, double collectSeconds, long outputRows) {
    }

    private static Result score(Connector connector, LocalLakeStore lake, ModelReference model, String runId,
            int rows) throws IOException {
        String prefix = "runs/bench/" + runId + "/";
        StringBuilder csv = new StringBuilder(rows * 32).append("CustomerId,age,income,plan\n");
        for (int i = 0; i < rows; i++) {
            csv.append('C').append(i).append(',').append(18 + i % 60).append(',').append(20000 + (i * 37) % 80000)
                    .append(',').append(i % 3 == 0 ? "gold" : "basic").append('\n');
        }
        lake.write(prefix + "inputs/part-0.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                WriteCondition.none());
        JobRequest request = new JobRequest(runId, "bench", model, connector.describeService(model),
                List.of(new StagedInput("input1", List.of(prefix + "inputs/part-0.csv"),
                        List.of("CustomerId", "age", "income", "plan"), rows)), Map.of(),
                OutputSettings.of("Scores"), prefix + "connector/");
        long start = System.nanoTime();
        JobHandle handle = connector.submit(request);
        long submitted = System.nanoTime();
        JobStatus status;
        do {
            status = connector.poll(handle);
        } while (!status.state().isTerminal());
        if (status.rowsDone() != rows) {
            throw new IllegalStateException("The job ended " + status + " with " + status.rowsDone() + " of " + rows
                    + " rows.");
        }
        long t = System.nanoTime();
        double seconds = (t - start) / 1e9;
        List<String> parts = connector.collect(handle, prefix + "out/");
        long lines = 0;
        for (String p : parts) {
            byte[] b = lake.readAll(p);
            for (byte x : b) {
                lines += x == '\n' ? 1 : 0;
            }
            lines--;
        }
        return new Result(seconds, (submitted - start) / 1e9, (System.nanoTime() - t) / 1e9, lines);
    }

    private static ConnectorProvider provider(String name) {
        return ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No connector named " + name + " on the class path."));
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Measures the round trip (request sent to response body read) of scoring requests. */
    private static final class Timing {
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong last = new AtomicLong();

        HttpClient wrap(HttpClient delegate) {
            return new HttpClient() {
                @Override
                public Mono<HttpResponse> send(HttpRequest request) {
                    return send(request, Context.NONE);
                }

                @Override
                public Mono<HttpResponse> send(HttpRequest request, Context context) {
                    if (!request.getUrl().getPath().endsWith("/execute")) {
                        return delegate.send(request, context);
                    }
                    return Mono.defer(() -> {
                        long start = System.nanoTime();
                        return delegate.send(request, context).flatMap(r -> r.getBodyAsByteArray()
                                .defaultIfEmpty(new byte[0]).map(body -> {
                                    long end = System.nanoTime();
                                    first.accumulateAndGet(start, Math::min);
                                    last.accumulateAndGet(end, Math::max);
                                    nanos.addAndGet(end - start);
                                    count.incrementAndGet();
                                    return (HttpResponse) new Buffered(r, body);
                                }).doFinally(signal -> r.close()));
                    });
                }
            };
        }

        /** A response whose body was read whole, so the round trip measured includes it. */
        private static final class Buffered extends HttpResponse {
            private final int status;
            private final com.azure.core.http.HttpHeaders headers;
            private final byte[] body;

            Buffered(HttpResponse original, byte[] body) {
                super(original.getRequest());
                this.status = original.getStatusCode();
                this.headers = original.getHeaders();
                this.body = body;
            }

            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            @Deprecated
            public String getHeaderValue(String name) {
                return headers.getValue(com.azure.core.http.HttpHeaderName.fromString(name));
            }

            @Override
            public com.azure.core.http.HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public reactor.core.publisher.Flux<java.nio.ByteBuffer> getBody() {
                return reactor.core.publisher.Flux.defer(() -> reactor.core.publisher.Flux.just(
                        java.nio.ByteBuffer.wrap(body)));
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.just(body);
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.just(new String(body, StandardCharsets.UTF_8));
            }

            @Override
            public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
                return Mono.just(new String(body, charset));
            }
        }

        void reset() {
            nanos.set(0);
            count.set(0);
            first.set(Long.MAX_VALUE);
            last.set(0);
        }

        /** Seconds from the first scoring request sent to the last answer read. */
        double windowSeconds() {
            return (last.get() - first.get()) / 1e9;
        }

        /** The mean number of scoring requests in flight over that window. */
        double meanInFlight() {
            return nanos.get() / 1e9 / windowSeconds();
        }

        long count() {
            return count.get();
        }

        double meanMillis() {
            return count.get() == 0 ? Double.NaN : nanos.get() / 1e6 / count.get();
        }
    }
}
