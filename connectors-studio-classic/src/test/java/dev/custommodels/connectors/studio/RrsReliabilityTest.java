package dev.custommodels.connectors.studio;

import static dev.custommodels.connectors.studio.Collected.pollToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultInjector;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RRS under faults: 10% 503, 5% 429 with {@code Retry-After}, 1% dropped connections on every scoring request,
 * with the client pipeline's own retries turned off so the connector's retries are what is tested.
 */
class RrsReliabilityTest {
    private static final int ROWS = 200_000;
    private static final int CHUNKS = ROWS / 1000;
    private static final Predicate<RecordedRequest> EXECUTE = r -> r.request().path().endsWith("/execute");

    @TempDir
    Path dir;
    StudioTestbed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    static Fault tooManyRequests(String retryAfterHeader, String value) {
        return new Fault.Status(new EmulatorResponse(429, Map.of(retryAfterHeader, value, "Content-Type",
                "application/json"), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Slow down.\"}}"
                .getBytes(StandardCharsets.UTF_8)));
    }

    private StudioTestbed faultyBed() throws Exception {
        Map<Fault, Double> mix = new LinkedHashMap<>();
        mix.put(Fault.serviceUnavailable(), 0.10);
        mix.put(tooManyRequests("Retry-After", "0"), 0.05);
        mix.put(Fault.drop(), 0.01);
        FaultInjector faults = new FaultInjector().on("POST", ".*/execute", FaultPlan.mix(20240601L, mix));
        bed = StudioTestbed.builder(dir).faults(faults).recordBodies(false).noPipelineRetries()
                .option(StudioClassicOptions.MODE, "rrs").option(StudioClassicOptions.RRS_CHUNK_SIZE, "1000")
                .option(StudioClassicOptions.RRS_CONCURRENCY, "8").option(StudioClassicOptions.RRS_MAX_ATTEMPTS, "12")
                .build();
        return bed;
    }

    private long scored() {
        return bed.emulator.requests().stream().filter(EXECUTE).filter(r -> r.fault() == null && r.status() == 200)
                .count();
    }

    private long faulted() {
        return bed.emulator.requests().stream().filter(EXECUTE).filter(r -> r.fault() != null).count();
    }

    private static void assertExactlyOneRowPerCustomer(Collected out) {
        int id = out.column("CustomerId");
        Set<String> seen = new HashSet<>();
        List<String> duplicates = out.rows().stream().map(r -> r.get(id)).filter(x -> !seen.add(x)).toList();
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(ROWS);
    }

    @Test
    void aFaultyRunEndsWithExactlyOneResultRowPerInputRow() throws Exception {
        faultyBed();
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-faults", ROWS, 4);
        JobHandle handle = c.submit(request);
        JobStatus status = pollToEnd(c, handle);
        assertThat(status.state()).as("%s", status).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.rowsDone()).isEqualTo(ROWS);
        Collected out = Collected.read(bed.lake, c.collect(handle, request.workPrefix() + "out/"));
        out.assertScoresEveryStagedRowInOrder(ROWS);
        assertExactlyOneRowPerCustomer(out);
        assertThat(scored()).as("each chunk scored once").isEqualTo(CHUNKS);
        assertThat(bed.emulator.requests()).filteredOn(EXECUTE).hasSize((int) (CHUNKS + faulted()));
        assertThat(bed.emulator.requests()).filteredOn(EXECUTE).extracting(RecordedRequest::fault)
                .hasAtLeastOneElementOfType(Fault.Drop.class)
                .anyMatch(f -> f instanceof Fault.Status s && s.response().status() == 429)
                .anyMatch(f -> f instanceof Fault.Status s && s.response().status() == 503);
        assertThat(bed.studio.rowsScored()).isEqualTo(ROWS);
    }

    @Test
    void aProcessKilledAfterHalfTheChunksIsResumedByANewOneThatScoresOnlyTheRest() throws Exception {
        faultyBed();
        Connector first = new StudioClassicConnectorProvider().create(bed.context(Map.of(
                StudioClassicOptions.RRS_CHUNKS_PER_POLL, "25")));
        JobRequest request = bed.stage(first, bed.churn, "run-resume", ROWS, 4);
        JobHandle handle = first.submit(request);
        JobStatus half = null;
        for (int poll = 0; poll < 4; poll++) {
            half = first.poll(handle);
        }
        assertThat(half.state()).isEqualTo(JobState.RUNNING);
        assertThat(half.rowsDone()).isEqualTo(ROWS / 2);
        long scoredByFirst = scored();
        long requestsByFirst = bed.emulator.requests().stream().filter(EXECUTE).count();
        assertThat(scoredByFirst).isEqualTo(CHUNKS / 2);
        // the first process is gone; a new one knows only the handle the run recorded
        Connector second = bed.newConnector();
        JobStatus end = pollToEnd(second, handle);
        assertThat(end.state()).isEqualTo(JobState.SUCCEEDED);
        Collected out = Collected.read(bed.lake, second.collect(handle, request.workPrefix() + "out/"));
        out.assertScoresEveryStagedRowInOrder(ROWS);
        assertExactlyOneRowPerCustomer(out);
        assertThat(scored() - scoredByFirst).as("chunks the new process scored").isEqualTo(CHUNKS / 2);
        assertThat(scored()).as("no chunk scored twice").isEqualTo(CHUNKS);
        assertThat(bed.emulator.requests().stream().filter(EXECUTE).count()).isEqualTo(CHUNKS + faulted());
        assertThat(bed.emulator.requests().stream().filter(EXECUTE).count() - requestsByFirst)
                .isGreaterThanOrEqualTo(CHUNKS / 2);
    }

    @Test
    void aNonZeroRetryAfterIsHonoured() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        FaultPlan script = FaultPlan.script(tooManyRequests("Retry-After", "1"),
                new Fault.Status(new EmulatorResponse(503, Map.of("retry-after-ms", "300"), new byte[0])), null);
        FaultInjector faults = new FaultInjector().on("POST", ".*/execute", request -> {
            arrivals.add(System.nanoTime());
            return script.next(request);
        });
        bed = StudioTestbed.builder(dir).faults(faults).noPipelineRetries().option(StudioClassicOptions.MODE, "rrs")
                .option(StudioClassicOptions.RRS_RETRY_DELAY, "PT0S").build();
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-retry-after", 10, 1);
        assertThat(pollToEnd(c, c.submit(request)).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(arrivals).hasSize(3);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(295))
                .isLessThan(Duration.ofMillis(990));
    }

    @Test
    void aChunkThatKeepsFailingFailsTheJobAfterTheLastAttempt() throws Exception {
        FaultInjector faults = new FaultInjector().on("POST", ".*/execute", FaultPlan.always(
                dev.custommodels.testkit.emulator.Fault.serviceUnavailable()));
        bed = StudioTestbed.builder(dir).faults(faults).noPipelineRetries().option(StudioClassicOptions.MODE, "rrs")
                .option(StudioClassicOptions.RRS_MAX_ATTEMPTS, "3").build();
        Connector c = bed.newConnector();
        JobStatus status = pollToEnd(c, c.submit(bed.stage(c, bed.churn, "run-503", 10, 1)));
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(bed.emulator.count("POST", ".*/execute")).isEqualTo(3);
    }

    @Test
    void aTimedOutRequestIsRetried() throws Exception {
        FaultInjector faults = new FaultInjector().on("POST", ".*/execute", FaultPlan.script(
                new Fault.Delay(Duration.ofSeconds(3)), null));
        bed = StudioTestbed.builder(dir).faults(faults).noPipelineRetries().option(StudioClassicOptions.MODE, "rrs")
                .option(StudioClassicOptions.RRS_TIMEOUT, "PT0.3S").build();
        Connector c = bed.newConnector();
        JobRequest request = bed.stage(c, bed.churn, "run-timeout", 10, 1);
        JobHandle handle = c.submit(request);
        long start = System.nanoTime();
        assertThat(pollToEnd(c, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        Collected.read(bed.lake, c.collect(handle, request.workPrefix() + "out/")).assertScoresEveryStagedRowInOrder(10);
        assertThat(bed.emulator.count("POST", ".*/execute")).isEqualTo(2);
        assertThat(Optional.of(bed.studio.rowsScored())).contains(20L); // the timed-out request was scored too
    }
}
