package dev.custommodels.benchmarks;

import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelReference;
import dev.custommodels.output.OutputCommitResult;
import dev.custommodels.output.OutputEntityClient;
import dev.custommodels.output.OutputEntityClientBuilder;
import dev.custommodels.output.OutputEntityWriter;
import dev.custommodels.output.OutputRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Point lookups by Customer ID on an output entity written by the SDK's writer into a temporary local lake:
 * median and p99 latency over random IDs, against full scans of the same entity, with the same predicate written
 * so that the index cannot serve it, in the same run.
 *
 * <p>Usage: {@code lookup [rows (2000000)] [lookups (2000)] [scans (3)]}
 */
public final class LookupWorkload implements Workload {
    private static final String ENTITY = "ChurnScores";
    private static final ModelReference MODEL = new ModelReference("aml-batch-endpoint", "tenant", "workspace",
            "churn-endpoint", "blue");

    /** Creates the workload. */
    public LookupWorkload() {
    }

    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public String usage() {
        return "lookup [rows (2000000)] [lookups (2000)] [scans (3)]";
    }

    @Override
    public void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int scans = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("custom-models-lookup-");
        try {
            run(new LocalLakeStore(dir), rows, lookups, scans);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(LocalLakeStore lake, int rows, int lookups, int scans) {
        OutputEntityClient client = new OutputEntityClientBuilder().lakeStore(lake).buildClient();
        long[][] ids = new long[2][rows];
        long writeStart = System.nanoTime();
        OutputCommitResult commit = write(client, rows, ids);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long bytes = commit.version().partitionPaths().stream()
                .mapToLong(p -> lake.stat(p).orElseThrow().size()).sum();
        System.out.printf("lookup: wrote %,d rows (%,d bytes of CSV in %d partitions) in %.1f s (%,.0f rows/s)%n",
                rows, bytes, commit.version().partitionPaths().size(), writeSeconds, rows / writeSeconds);

        Random random = new Random(7);
        double coldMs = lookupMs(client, idAt(ids, random.nextInt(rows)));
        for (int i = 0; i < 200; i++) {
            lookupMs(client, idAt(ids, random.nextInt(rows)));
        }
        double[] latencies = new double[lookups];
        for (int i = 0; i < lookups; i++) {
            latencies[i] = lookupMs(client, idAt(ids, random.nextInt(rows)));
        }
        Arrays.sort(latencies);
        double median = percentile(latencies, 50);
        double p99 = percentile(latencies, 99);

        double[] scanTimes = new double[scans];
        for (int i = 0; i < scans; i++) {
            scanTimes[i] = scanMs(client, idAt(ids, random.nextInt(rows)));
        }
        Arrays.sort(scanTimes);
        double scan = percentile(scanTimes, 50);
        System.out.printf("lookup: first (cold index) lookup %.3f ms; %d warm lookups; %d full scans of %,d rows%n",
                coldMs, lookups, scans, rows);
        System.out.printf("lookup: median_ms=%.3f p99_ms=%.3f scan_ms=%.1f speedup=%.0f%n", median, p99, scan,
                scan / median);
    }

    private static OutputCommitResult write(OutputEntityClient client, int rows, long[][] ids) {
        EntitySchema schema = new EntitySchema("results", List.of(Attribute.of("CustomerId", DataType.STRING),
                Attribute.of("ChurnScore", DataType.NUMBER), Attribute.of("WillChurn", DataType.BOOLEAN),
                Attribute.of("Segment", DataType.STRING)), "CustomerId");
        Random random = new Random(42);
        OffsetDateTime scoredAt = OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (OutputEntityWriter writer = client.openWriter(ENTITY, schema, "CustomerId", "run-0001", MODEL,
                scoredAt)) {
            for (int i = 0; i < rows; i++) {
                ids[0][i] = random.nextLong();
                ids[1][i] = random.nextLong();
                double score = random.nextDouble();
                writer.write(new UUID(ids[0][i], ids[1][i]).toString(), score, score > 0.7,
                        "segment-" + random.nextInt(20));
            }
            return writer.commit();
        }
    }

    private static String idAt(long[][] ids, int i) {
        return new UUID(ids[0][i], ids[1][i]).toString();
    }

    private static double lookupMs(OutputEntityClient client, String id) {
        long start = System.nanoTime();
        List<OutputRow> found = client.query(ENTITY, "CustomerId eq '" + id + "'").stream().toList();
        double ms = (System.nanoTime() - start) / 1e6;
        check(found, id);
        return ms;
    }

    private static double scanMs(OutputEntityClient client, String id) {
        long start = System.nanoTime();
        // The same predicate, written so that the planner cannot use the Customer ID index: every row is read.
        List<OutputRow> found = client.query(ENTITY, "not (CustomerId ne '" + id + "')").stream().toList();
        double ms = (System.nanoTime() - start) / 1e6;
        check(found, id);
        return ms;
    }

    private static void check(List<OutputRow> found, String id) {
        if (found.size() != 1 || !id.equals(found.get(0).getString("CustomerId"))) {
            throw new IllegalStateException("Looking up " + id + " returned " + found.size() + " rows.");
        }
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
