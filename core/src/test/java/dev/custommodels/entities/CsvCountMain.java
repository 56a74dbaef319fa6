package dev.custommodels.entities;

import java.nio.file.Path;

/**
 * Counts the rows of a {@link LargeCsvFile} through {@link CsvEntitySource}; run in a child JVM with a small heap.
 * Prints {@code rows=<n> checksum=<n> peakHeapBytes=<n> maxHeapBytes=<n>}; the peak is
 * sampled every 65,536 rows.
 */
public final class CsvCountMain {
    private CsvCountMain() {
    }

    /**
     * Reads the file.
     *
     * @param args the file
     */
    public static void main(String[] args) {
        CsvEntitySource source = CsvEntitySource.of(LargeCsvFile.SCHEMA, Path.of(args[0]));
        long rows = 0;
        long checksum = 0;
        long peak = 0;
        Runtime runtime = Runtime.getRuntime();
        try (RowCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Row row = cursor.next();
                rows++;
                checksum += ((String) row.get(3)).length();
                if ((rows & 0xFFFF) == 0) {
                    peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                }
            }
        }
        System.out.println("rows=" + rows + " checksum=" + checksum + " peakHeapBytes=" + peak + " maxHeapBytes="
                + runtime.maxMemory());
    }
}
