package dev.custommodels.storage;

import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.zip.CRC32;

/**
 * The child program of {@link LargeUploadSmallHeapTest}: run with a small heap, it writes a large generated object
 * through a BlobLakeStore, reads it back streaming, and prints one line of figures, with the peaks of heap and of
 * direct buffers (where the store's blocks live) sampled after every chunk. The connection string comes
 * from the environment variable {@code LAKE_CONNECTION_STRING} (never from the command line).
 */
public final class LargeUpload {
    private static final BufferPoolMXBean DIRECT = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
            .stream().filter(pool -> "direct".equals(pool.getName())).findFirst().orElseThrow();
    private static long peakUsed;
    private static long peakDirect;

    private LargeUpload() {
    }

    /**
     * Runs the upload.
     *
     * @param args container, path, size in bytes, block size, concurrency
     * @throws Exception on failure (exit code 1)
     */
    public static void main(String[] args) throws Exception {
        String container = args[0];
        String path = args[1];
        long size = Long.parseLong(args[2]);
        LakeStore store = BlobLakeStore.builder().connectionString(System.getenv("LAKE_CONNECTION_STRING"))
                .containerName(container).blockSize(Long.parseLong(args[3])).maxConcurrency(Integer.parseInt(args[4]))
                .buildStore();
        byte[] chunk = new byte[1024 * 1024];
        CRC32 written = new CRC32();
        long start = System.nanoTime();
        try (LakeOutputStream out = store.openWrite(path, WriteCondition.ifNotExists())) {
            for (long done = 0; done < size; done += chunk.length) {
                int n = (int) Math.min(chunk.length, size - done);
                fill(chunk, done);
                written.update(chunk, 0, n);
                out.write(chunk, 0, n);
                sampleHeap();
            }
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        CRC32 read = new CRC32();
        long readBytes = 0;
        try (InputStream in = store.openRead(path)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                read.update(chunk, 0, n);
                readBytes += n;
                sampleHeap();
            }
        }
        System.out.printf("size=%d upload_s=%.1f upload_mb_s=%.0f read_bytes=%d crc=%08x read_crc=%08x"
                + " max_heap_mb=%d sampled_peak_heap_used_mb=%d sampled_peak_direct_mb=%d%n", size, uploadSeconds,
                size / 1048576.0 / uploadSeconds, readBytes, written.getValue(), read.getValue(),
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
