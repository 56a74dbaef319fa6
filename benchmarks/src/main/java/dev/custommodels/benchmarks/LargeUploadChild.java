package dev.custommodels.benchmarks;

import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.storage.BlobLakeStore;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The child program of {@code azurite-1gb}: writes a generated object of the given size through a
 * {@link BlobLakeStore} with its default block size and concurrency, reads it back streaming, and prints one line
 * of figures. The connection string comes from {@value #CONNECTION_STRING_VARIABLE}, never the command line.
 */
public final class LargeUploadChild {
    /** The environment variable holding the connection string. */
    public static final String CONNECTION_STRING_VARIABLE = "LAKE_CONNECTION_STRING";

    private static final BufferPoolMXBean DIRECT = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
            .stream().filter(pool -> "direct".equals(pool.getName())).findFirst().orElseThrow();
    private static long peakUsed;
    private static long peakDirect;

    private LargeUploadChild() {
    }

    /**
     * Runs the upload.
     *
     * @param args container, path, size in bytes
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        LakeStore store = BlobLakeStore.builder().connectionString(System.getenv(CONNECTION_STRING_VARIABLE))
                .containerName(args[0]).buildStore();
        long size = Long.parseLong(args[2]);
        byte[] chunk = new byte[1 << 20];
        CRC32 written = new CRC32();
        long start = System.nanoTime();
        try (LakeOutputStream out = store.openWrite(args[1], WriteCondition.none())) {
            for (long done = 0; done < size; done += chunk.length) {
                int n = (int) Math.min(chunk.length, size - done);
                fill(chunk, done);
                written.update(chunk, 0, n);
                out.write(chunk, 0, n);
                sampleHeap();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CRC32 read = new CRC32();
        long readBytes = 0;
        try (InputStream in = store.openRead(args[1])) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                read.update(chunk, 0, n);
                readBytes += n;
                sampleHeap();
            }
        }
        System.out.printf(Locale.ROOT, "size=%d upload_s=%.1f upload_mb_s=%.1f read_bytes=%d crc=%08x read_crc=%08x"
                + " max_heap_mb=%d sampled_peak_heap_used_mb=%d sampled_peak_direct_mb=%d%n", size, seconds,
                size / 1e6 / seconds, readBytes, written.getValue(), read.getValue(),
                Runtime.getRuntime().maxMemory() >> 20, peakUsed >> 20, peakDirect >> 20);
    }

    private static void fill(byte[] chunk, long offset) {
        long x = offset * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < chunk.length; i += 8) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            for (int j = 0; j < 8 && i + j < chunk.length; j++) {
                chunk[i + j] = (byte) (x >>> (8 * j));
            }
        }
    }

    private static void sampleHeap() {
        Runtime runtime = Runtime.getRuntime();
        peakUsed = Math.max(peakUsed, runtime.totalMemory() - runtime.freeMemory());
        peakDirect = Math.max(peakDirect, DIRECT.getMemoryUsed());
    }
}
