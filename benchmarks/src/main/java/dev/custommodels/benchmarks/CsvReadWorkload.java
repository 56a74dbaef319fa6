package dev.custommodels.benchmarks;

import dev.custommodels.entities.CsvEntitySource;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code csv-read [rows]}: streams an N-row CSV entity (default 5,000,000; five columns, every seventh field
 * quoted) through {@code CsvEntitySource} and prints rows/s and peak heap, against the raw limit of counting the
 * same file's lines with a plain {@code BufferedReader}. Run with {@code -Xmx128m} to show the streaming bound.
 */
public final class CsvReadWorkload implements Workload {
    private static final EntitySchema SCHEMA = new EntitySchema("Customer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Age", DataType.INTEGER),
            Attribute.of("Balance", DataType.NUMBER),
            Attribute.of("Name", DataType.STRING),
            Attribute.of("Active", DataType.BOOLEAN)), "CustomerId");

    /** Creates the workload. */
    public CsvReadWorkload() {
    }

    @Override
    public String name() {
        return "csv-read";
    }

    @Override
    public String usage() {
        return "csv-read [rows=5000000]   (run with -Xmx128m to show streaming)";
    }

    @Override
    public void run(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        Path file = Files.createTempFile("csv-read-", ".csv");
        try {
            generate(file, rows);
            long bytes = Files.size(file);
            countLines(file); // warm-up of the raw path
            resetPeaks();
            long t0 = System.nanoTime();
            long lines = countLines(file);
            double rawSeconds = (System.nanoTime() - t0) / 1e9;
            resetPeaks();
            long t1 = System.nanoTime();
            long read = readRows(file);
            double seconds = (System.nanoTime() - t1) / 1e9;
            long peak = peakHeap();
            if (read != rows || lines != rows + 1) {
                throw new IllegalStateException("Read " + read + " rows and " + lines + " lines, wrote " + rows);
            }
            double rowsPerSecond = rows / seconds;
            double rawPerSecond = rows / rawSeconds;
            System.out.println(String.format(Locale.ROOT, "{\"workload\":\"csv-read\",\"rows\":%d,\"bytes\":%d,"
                    + "\"seconds\":%.3f,\"rowsPerSecond\":%.0f,\"rawLinesPerSecond\":%.0f,\"ratioToRaw\":%.3f,"
                    + "\"peakHeapBytes\":%d,\"maxHeapBytes\":%d}", rows, bytes, seconds, rowsPerSecond,
                    rawPerSecond, rowsPerSecond / rawPerSecond, peak, Runtime.getRuntime().maxMemory()));
            System.out.println(String.format(Locale.ROOT, "csv-read: rows=%d rowsPerSecond=%.0f ratioToRaw=%.3f"
                    + " peakHeapMb=%.1f maxHeapMb=%.1f", rows, rowsPerSecond, rowsPerSecond / rawPerSecond,
                    peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long readRows(Path file) {
        long n = 0;
        try (RowCursor cursor = CsvEntitySource.of(SCHEMA, file).open()) {
            while (cursor.hasNext()) {
                cursor.next();
                n++;
            }
        }
        return n;
    }

    private static long countLines(Path file) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    private static void generate(Path file, long rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CustomerId,Age,Balance,Name,Active\r\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                line.append('C').append(i).append(',').append(18 + i % 70).append(',')
                        .append(i % 100_000).append('.').append(i % 100).append(',');
                if (i % 7 == 0) {
                    line.append("\"Doe, J \"\"").append(i % 1000).append("\"\"\"");
                } else {
                    line.append("Name").append(i % 1000);
                }
                line.append(',').append(i % 2 == 0 ? "true" : "false").append("\r\n");
                out.append(line);
            }
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
