package dev.custommodels.benchmarks;

import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code export [rows=1000000] [heapRows=5000000]}: exports an N-row, 12-attribute entity to the local lake through
 * a run's export phase (drift check, projection, type conversion, CSV chunks, chunk manifest) with the public
 * client, and writes the same CSV bytes from the same rows with a plain {@code BufferedWriter}; prints rows/s and
 * their ratio (best of five each, after two warm-up rounds), then the peak heap of an export of N and of heapRows rows.
 */
public final class ExportWorkload implements Workload {
    private static final int ROUNDS = 5;

    /** Creates the workload. */
    public ExportWorkload() {
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export [rows=1000000] [heapRows=5000000]";
    }

    @Override
    public void run(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long heapRows = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        Path dir = Files.createTempDirectory("export-bench-");
        try {
            for (int i = 0; i < 2; i++) {
                export(dir, "warm" + i, rows, Integer.MAX_VALUE);
                plain(dir.resolve("warm" + i + ".csv"), rows);
            }
            double exportBest = Double.MAX_VALUE;
            double plainBest = Double.MAX_VALUE;
            long exportBytes = 0;
            long plainBytes = 0;
            for (int i = 0; i < ROUNDS; i++) {
                Measured e = export(dir, "round" + i, rows, Integer.MAX_VALUE);
                long t0 = System.nanoTime();
                plainBytes = plain(dir.resolve("plain" + i + ".csv"), rows);
                double p = (System.nanoTime() - t0) / 1e9;
                exportBest = Math.min(exportBest, e.seconds);
                plainBest = Math.min(plainBest, p);
                exportBytes = e.bytes;
                System.out.println(String.format(Locale.ROOT, "{\"workload\":\"export\",\"round\":%d,\"rows\":%d,"
                        + "\"exportSeconds\":%.3f,\"plainSeconds\":%.3f,\"exportBytes\":%d,\"plainBytes\":%d}", i, rows,
                        e.seconds, p, e.bytes, plainBytes));
            }
            if (exportBytes != plainBytes) {
                throw new IllegalStateException("The export wrote " + exportBytes + " bytes, the plain writer "
                        + plainBytes + "; they must write the same CSV.");
            }
            Measured h1 = export(dir, "heap1", rows, RunOptions.DEFAULT_EXPORT_CHUNK_ROWS);
            Measured h5 = export(dir, "heap5", heapRows, RunOptions.DEFAULT_EXPORT_CHUNK_ROWS);
            double rowsPerSecond = rows / exportBest;
            double ratio = plainBest / exportBest;
            System.out.println(String.format(Locale.ROOT, "{\"workload\":\"export\",\"rows\":%d,\"rowsPerSecond\":%.0f,"
                    + "\"plainRowsPerSecond\":%.0f,\"ratio\":%.3f,\"peakHeapBytes1m\":%d,\"peakHeapBytes5m\":%d,"
                    + "\"heapRows\":%d,\"maxHeapBytes\":%d}", rows, rowsPerSecond, rows / plainBest, ratio, h1.peakHeap,
                    h5.peakHeap, heapRows, Runtime.getRuntime().maxMemory()));
            System.out.println(String.format(Locale.ROOT, "export: ratio=%.3f rows_per_s=%.0f heap_mb_1m=%.1f"
                    + " heap_mb_5m=%.1f", ratio, rowsPerSecond, h1.peakHeap / 1048576.0, h5.peakHeap / 1048576.0));
        } finally {
            delete(dir);
        }
    }

    private record Measured(double seconds, long bytes, long peakHeap) {
    }

    /** Runs a workflow up to the end of its export and cancels it; measures the export poll. */
    private static Measured export(Path dir, String name, long rows, int chunkRows) {
        Path lake = dir.resolve("lake-" + name);
        BenchConnector connector = new BenchConnector();
        CustomModelsClient client = new CustomModelsClientBuilder().lakeDirectory(lake)
                .entityCatalog(EntityCatalog.of(new BenchCustomers(rows))).connectorProvider(connector)
                .pollInterval(Duration.ZERO).buildClient();
        List<FieldBinding> fields = BenchCustomers.names().stream().map(n -> FieldBinding.pin(n, n)).toList();
        Workflow w = client.createWorkflow(WorkflowDefinition.of("Export bench",
                new ModelReference(BenchConnector.NAME, "tenant", "ws", "model", null),
                List.of(new InputBinding("input1", BenchCustomers.SCHEMA.name(), fields)),
                OutputSettings.of("BenchScores"), "CustomerId"));
        SyncPoller<RunProgress, RunResult> poller = client.beginRun(w.id(), new RunOptions().setExportChunkRows(chunkRows));
        resetPeaks();
        long t0 = System.nanoTime();
        PollResponse<RunProgress> r = poller.poll();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeap();
        if (r.getValue().exportedRows() != rows || r.getValue().phase() != RunPhase.EXPORT) {
            throw new IllegalStateException("The first poll exported " + r.getValue().exportedRows() + " of " + rows
                    + " rows and ended in " + r.getValue().phase());
        }
        poller.cancelOperation();
        String staged = "runs/" + w.id() + "/" + r.getValue().runId() + "/inputs/input1/";
        long bytes = size(lake.resolve(staged), "part-");
        delete(lake);
        return new Measured(seconds, bytes, peak);
    }

    /** Writes the same rows as CSV with a plain buffered writer: the raw limit. */
    private static long plain(Path file, long rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                RowCursor cursor = new BenchCustomers(rows).open()) {
            out.write(String.join(",", BenchCustomers.names()));
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            Object[] values = new Object[BenchCustomers.SCHEMA.attributes().size()];
            while (cursor.hasNext()) {
                Row row = cursor.next();
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                line.setLength(0);
                BenchCustomers.line(values, line);
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long size = Files.size(file);
            Files.delete(file);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
