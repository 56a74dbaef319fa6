package dev.custommodels.benchmarks;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import dev.custommodels.storage.BlobLakeStore;
import dev.custommodels.storage.BlobLakeStoreBuilder;
import dev.custommodels.storage.DataLakeLakeStore;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteLauncher;
import dev.custommodels.testkit.gateway.DfsGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Staging throughput into Azurite: a generated file is uploaded by the raw {@code BlobClient.uploadFromFile}, then
 * streamed through {@link BlobLakeStore} and through {@link DataLakeLakeStore} (via the testkit's dfs-to-blob
 * gateway, as Azurite has no dfs endpoint), in interleaved rounds after a warm-up. Ratios are store throughput over
 * raw throughput, from the median times.
 */
public final class AzuriteWorkload implements Workload {
    private static final long MB = 1_000_000L;

    /** Creates the workload; found through {@code ServiceLoader}. */
    public AzuriteWorkload() {
    }

    @Override
    public String name() {
        return "azurite";
    }

    @Override
    public String usage() {
        return "azurite [size-MB (default 200)] [rounds (default 3)] [block-MiB] [concurrency]   starts Azurite"
                + " itself (Node.js 20+); block size and concurrency default to the stores' defaults";
    }

    @Override
    public void run(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 200) * MB;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int blockSize = args.length > 2 ? Integer.parseInt(args[2]) << 20 : BlobLakeStoreBuilder.DEFAULT_BLOCK_SIZE;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : BlobLakeStoreBuilder.DEFAULT_MAX_CONCURRENCY;
        Path file = Files.createTempFile("azurite-bench-", ".bin");
        try (Azurite azurite = AzuriteLauncher.create().start();
                DfsGateway gateway = DfsGateway.start(azurite.connectionString())) {
            generate(file, size);
            BlobContainerClient raw = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                    .buildClient().createBlobContainer("bench");
            LakeStore blob = BlobLakeStore.builder().connectionString(azurite.connectionString())
                    .containerName("bench").blockSize(blockSize).maxConcurrency(concurrency).buildStore();
            LakeStore dataLake = DataLakeLakeStore.builder().connectionString(gateway.connectionString())
                    .fileSystemName("bench").blockSize(blockSize).maxConcurrency(concurrency).buildStore();
            System.out.printf(Locale.ROOT, "azurite: Azurite blob service in memory on port %d; %d MB file; %d rounds"
                    + " after a warm-up; median times%n", azurite.port(), size / MB, rounds);
            System.out.println("azurite: datalake goes through the testkit dfs-to-blob gateway (our own translation"
                    + " in front of Azurite, one extra loopback hop), not a real dfs endpoint");
            List<Double> rawTimes = new ArrayList<>();
            List<Double> blobTimes = new ArrayList<>();
            List<Double> dataLakeTimes = new ArrayList<>();
            List<Double> rawBlockTimes = new ArrayList<>();
            BlobUploadFromFileOptions blocks = new BlobUploadFromFileOptions(file.toString())
                    .setParallelTransferOptions(new ParallelTransferOptions().setBlockSizeLong((long) blockSize)
                            .setMaxConcurrency(concurrency).setMaxSingleUploadSizeLong(1L << 20));
            for (int round = 0; round <= rounds; round++) {
                double r = time(() -> raw.getBlobClient("raw.bin").uploadFromFile(file.toString(), true));
                double b = time(() -> stream(file, blob, "blob.bin"));
                double d = time(() -> stream(file, dataLake, "datalake.bin"));
                double rb = time(() -> raw.getBlobClient("rawblocks.bin").uploadFromFileWithResponse(blocks, null,
                        null));
                check(raw, size, "raw.bin", "blob.bin", "datalake.bin", "rawblocks.bin");
                System.out.printf(Locale.ROOT, "azurite: %s raw=%.2fs blob=%.2fs datalake=%.2fs raw_blocks=%.2fs%n",
                        round == 0 ? "warm-up" : "round " + round, r, b, d, rb);
                if (round > 0) {
                    rawTimes.add(r);
                    blobTimes.add(b);
                    dataLakeTimes.add(d);
                    rawBlockTimes.add(rb);
                }
                for (String name : List.of("raw.bin", "blob.bin", "datalake.bin", "rawblocks.bin")) {
                    raw.getBlobClient(name).deleteIfExists();
                }
            }
            double rawMedian = median(rawTimes);
            System.out.printf(Locale.ROOT, "azurite: raw uploadFromFile %.1f MB/s (one Put Blob below 256 MiB),"
                    + " BlobLakeStore %.1f MB/s (block %d MiB, concurrency %d, Content-MD5 per block),"
                    + " DataLakeLakeStore %.1f MB/s%n", size / MB / rawMedian, size / MB / median(blobTimes),
                    blockSize >> 20, concurrency, size / MB / median(dataLakeTimes));
            System.out.printf(Locale.ROOT, "azurite: reference: raw uploadFromFile forced to the same blocks (%d MiB x"
                    + " %d, Put Block + Put Block List) %.1f MB/s; BlobLakeStore against it: %.2f%n", blockSize >> 20,
                    concurrency, size / MB / median(rawBlockTimes), median(rawBlockTimes) / median(blobTimes));
            System.out.printf(Locale.ROOT, "azurite: blob_ratio=%.2f datalake_ratio=%.2f raw_mb_s=%.0f%n",
                    rawMedian / median(blobTimes), rawMedian / median(dataLakeTimes), size / MB / rawMedian);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void generate(Path file, long size) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - done));
            }
        }
    }

    private static void stream(Path file, LakeStore store, String path) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                LakeOutputStream out = store.openWrite(path, WriteCondition.none())) {
            in.transferTo(out);
        }
    }

    private static void check(BlobContainerClient container, long size, String... names) {
        for (String name : names) {
            long actual = container.getBlobClient(name).getProperties().getBlobSize();
            if (actual != size) {
                throw new IllegalStateException(name + " has " + actual + " bytes, not " + size + ".");
            }
        }
    }

    private static double time(IoAction action) throws IOException {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
