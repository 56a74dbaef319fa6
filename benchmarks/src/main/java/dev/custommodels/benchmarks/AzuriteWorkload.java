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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Staging throughput into Azurite: a generated file is uploaded by the raw {@code BlobClient.uploadFromFile}, then
 * streamed through {@link BlobLakeStore} and through {@link DataLakeLakeStore} (via the testkit's dfs-to-blob
 * gateway, as Azurite has no dfs endpoint). Four references tell where the time goes: {@code uploadFromFile}
 * forced to the stores' blocks (no checksum, so Azurite computes a CRC64 of each in JavaScript); the stores' blocks
 * staged from memory with their MD5s computed beforehand ({@link PrehashedBlocks}: the stores' protocol without
 * their own CPU); {@code uploadFromFile} through the gateway (the DataLake store's extra hop); and
 * {@code uploadFromFile} through a streaming Reactor Netty relay ({@link NettyRelay}: the cheapest such hop). Ratios
 * are store throughput over raw throughput, from the median times.
 *
 * <p>Azurite frees the memory of deleted blobs only every ten minutes, so one instance would grow by every upload
 * of the run, and a later upload would pay for the earlier ones. Every timed upload therefore gets a fresh Azurite
 * (and gateway and relay), warmed with a small upload by the same contender, and the order turns each round. The
 * same upload still takes 0.5 s or 0.9 s depending on how fast the machine hands Azurite fresh memory: on a virtual
 * machine, memory touched for the first time since boot faults several times slower than memory used before. The CPU
 * line (this JVM, and Azurite with its system time, from {@code /proc}) shows which case a run was in, and how close
 * the uploads came to keeping every core busy.
 */
public final class AzuriteWorkload implements Workload {
    private static final long MB = 1_000_000L;
    private static final long WARM_UP_BYTES = 20 * MB;
    private static final List<String> NAMES = List.of("raw", "blob", "datalake", "raw_blocks", "raw_via_gateway",
            "prehashed_blocks", "raw_via_relay");

    /** Creates the workload; found through {@code ServiceLoader}. */
    public AzuriteWorkload() {
    }

    @Override
    public String name() {
        return "azurite";
    }

    @Override
    public String usage() {
        return "azurite [size-MB (default 200)] [rounds (default 5)] [block-MiB] [concurrency] [checksums (default"
                + " true)]   starts Azurite itself (Node.js 20+); block size and concurrency default to the stores'"
                + " defaults; the prehashed reference holds the whole file in direct memory";
    }

    @Override
    public void run(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 200) * MB;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int blockSize = args.length > 2 ? Integer.parseInt(args[2]) << 20 : BlobLakeStoreBuilder.DEFAULT_BLOCK_SIZE;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : BlobLakeStoreBuilder.DEFAULT_MAX_CONCURRENCY;
        boolean checksums = args.length <= 4 || Boolean.parseBoolean(args[4]);
        Path file = Files.createTempFile("azurite-bench-", ".bin");
        Path warmUp = Files.createTempFile("azurite-bench-warm-up-", ".bin");
        try {
            generate(file, size);
            generate(warmUp, Math.min(size, WARM_UP_BYTES));
            Settings settings = new Settings(blockSize, concurrency, checksums);
            System.out.printf(Locale.ROOT, "azurite: %d MB file; %d rounds; every upload on a fresh in-memory"
                    + " Azurite warmed with %d MB by the same contender; median times%n", size / MB, rounds,
                    Files.size(warmUp) / MB);
            System.out.println("azurite: datalake goes through the testkit dfs-to-blob gateway (our own translation"
                    + " in front of Azurite, one extra loopback hop), not a real dfs endpoint");
            List<List<Sample>> samples = measureRounds(rounds, settings,
                    new Upload(warmUp, PrehashedBlocks.of(warmUp, blockSize)),
                    new Upload(file, PrehashedBlocks.of(file, blockSize)), size);
            report(size, settings, samples.stream().map(list -> median(list, Sample::seconds)).toList());
            reportCpu(NAMES, samples);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(warmUp);
        }
    }

    /**
     * Times every contender once a round, each on a fresh Azurite (with its gateway and relay) after a warm-up
     * upload by the same contender, the order turned by one each round.
     *
     * @return the samples, one list per contender in the order of {@link #NAMES}
     */
    private static List<List<Sample>> measureRounds(int rounds, Settings settings, Upload warmUp, Upload timed,
            long size) throws IOException {
        List<List<Sample>> samples = new ArrayList<>();
        NAMES.forEach(name -> samples.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, NAMES.size()).boxed().toList());
            Collections.rotate(order, -round);
            StringBuilder line = new StringBuilder();
            for (int index : order) {
                try (Azurite azurite = AzuriteLauncher.create().start();
                        DfsGateway gateway = DfsGateway.start(azurite.connectionString());
                        NettyRelay relay = NettyRelay.start(URI.create(azurite.blobEndpoint()))) {
                    contenders(azurite, gateway, relay, settings, warmUp).get(index).run();
                    Sample sample = measure(contenders(azurite, gateway, relay, settings, timed).get(index),
                            azurite.pid());
                    samples.get(index).add(sample);
                    line.append(String.format(Locale.ROOT, " %s=%.2fs", NAMES.get(index), sample.seconds()));
                    check(azurite, blobName(index), size);
                }
            }
            System.out.printf(Locale.ROOT, "azurite: round %d%s%n", round + 1, line);
        }
        return samples;
    }

    private static String blobName(int index) {
        return NAMES.get(index) + ".bin";
    }

    private static List<IoAction> contenders(Azurite azurite, DfsGateway gateway, NettyRelay relay,
            Settings settings, Upload upload) {
        Path file = upload.file();
        BlobContainerClient raw = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().createBlobContainerIfNotExists("bench");
        BlobContainerClient rawViaGateway = new BlobServiceClientBuilder()
                .connectionString(gateway.connectionString()).buildClient().getBlobContainerClient("bench");
        BlobContainerClient rawViaRelay = new BlobServiceClientBuilder()
                .connectionString(Azurite.connectionString("http://127.0.0.1:" + relay.port()
                        + URI.create(azurite.blobEndpoint()).getRawPath()))
                .buildClient().getBlobContainerClient("bench");
        LakeStore blob = BlobLakeStore.builder().connectionString(azurite.connectionString())
                .containerName("bench").blockSize(settings.blockSize()).maxConcurrency(settings.concurrency())
                .transactionalChecksums(settings.checksums()).buildStore();
        LakeStore dataLake = DataLakeLakeStore.builder().connectionString(gateway.connectionString())
                .fileSystemName("bench").blockSize(settings.blockSize()).maxConcurrency(settings.concurrency())
                .transactionalChecksums(settings.checksums()).buildStore();
        BlobUploadFromFileOptions blocks = new BlobUploadFromFileOptions(file.toString())
                .setParallelTransferOptions(new ParallelTransferOptions().setBlockSizeLong((long) settings.blockSize())
                        .setMaxConcurrency(settings.concurrency()).setMaxSingleUploadSizeLong(1L << 20));
        return List.of(
                () -> raw.getBlobClient(blobName(0)).uploadFromFile(file.toString(), true),
                () -> stream(file, blob, blobName(1)),
                () -> stream(file, dataLake, blobName(2)),
                () -> raw.getBlobClient(blobName(3)).uploadFromFileWithResponse(blocks, null, null),
                () -> rawViaGateway.getBlobClient(blobName(4)).uploadFromFile(file.toString(), true),
                () -> upload.prehashed().upload(raw.getBlobClient(blobName(5)).getBlockBlobClient(),
                        settings.concurrency()),
                () -> rawViaRelay.getBlobClient(blobName(6)).uploadFromFile(file.toString(), true));
    }

    private static void report(long size, Settings settings, List<Double> medians) {
        double mb = (double) size / MB;
        double raw = medians.get(0);
        double blob = medians.get(1);
        double dataLake = medians.get(2);
        double rawBlocks = medians.get(3);
        double rawViaGateway = medians.get(4);
        double prehashed = medians.get(5);
        double rawViaRelay = medians.get(6);
        System.out.printf(Locale.ROOT, "azurite: raw uploadFromFile %.1f MB/s (one Put Blob below 256 MiB),"
                + " BlobLakeStore %.1f MB/s (block %d MiB, concurrency %d, Content-MD5 per block %s),"
                + " DataLakeLakeStore %.1f MB/s%n", mb / raw, mb / blob, settings.blockSize() >> 20,
                settings.concurrency(), settings.checksums() ? "on" : "off", mb / dataLake);
        System.out.printf(Locale.ROOT, "azurite: reference: raw uploadFromFile forced to the same blocks (%d MiB x"
                + " %d, Put Block + Put Block List, no checksum) %.1f MB/s; BlobLakeStore against it: %.2f%n",
                settings.blockSize() >> 20, settings.concurrency(), mb / rawBlocks, rawBlocks / blob);
        System.out.printf(Locale.ROOT, "azurite: reference: raw uploadFromFile through the dfs gateway (forwarded"
                + " unchanged, the same extra hop) %.1f MB/s; DataLakeLakeStore against it: %.2f%n",
                mb / rawViaGateway, rawViaGateway / dataLake);
        System.out.printf(Locale.ROOT, "azurite: reference: the same blocks staged by the SDK from memory with their"
                + " MD5s computed beforehand (what the store sends, without its hashing and copying) %.1f MB/s,"
                + " against raw: %.2f; BlobLakeStore against it: %.2f%n", mb / prehashed, raw / prehashed,
                prehashed / blob);
        System.out.printf(Locale.ROOT, "azurite: reference: raw uploadFromFile through a streaming Reactor Netty relay"
                + " (forwards unchanged, no user-space copy) %.1f MB/s, against raw: %.2f; through the dfs gateway"
                + " against raw: %.2f%n", mb / rawViaRelay, raw / rawViaRelay, raw / rawViaGateway);
        System.out.printf(Locale.ROOT, "azurite: blob_ratio=%.2f datalake_ratio=%.2f raw_mb_s=%.0f%n", raw / blob,
                raw / dataLake, mb / raw);
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

    private static void check(Azurite azurite, String name, long size) {
        long actual = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient("bench").getBlobClient(name).getProperties().getBlobSize();
        if (actual != size) {
            throw new IllegalStateException(name + " has " + actual + " bytes, not " + size + ".");
        }
    }

    private static Sample measure(IoAction action, long azuritePid) throws IOException {
        long self = ProcessHandle.current().pid();
        ProcessCpu client = ProcessCpu.of(self);
        ProcessCpu azurite = ProcessCpu.of(azuritePid);
        long start = System.nanoTime();
        action.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessCpu clientAfter = ProcessCpu.of(self);
        ProcessCpu azuriteAfter = ProcessCpu.of(azuritePid);
        if (client == null || azurite == null || clientAfter == null || azuriteAfter == null) {
            return new Sample(seconds, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Sample(seconds, clientAfter.total() - client.total(), azuriteAfter.total() - azurite.total(),
                azuriteAfter.system() - azurite.system());
    }

    /**
     * Prints the CPU each upload took in this JVM (store or SDK client, and for the gateway contenders also the
     * gateway, which runs here) and in Azurite, so that a run shows how close the machine's cores came to being
     * the bound.
     */
    private static void reportCpu(List<String> names, List<List<Sample>> samples) {
        if (samples.stream().flatMap(List::stream).anyMatch(sample -> Double.isNaN(sample.clientCpu()))) {
            System.out.println("azurite: cpu not measured (no /proc on this machine)");
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            List<Sample> list = samples.get(i);
            double jvm = median(list, Sample::clientCpu);
            double azurite = median(list, Sample::azuriteCpu);
            line.append(String.format(Locale.ROOT, "%s %s jvm=%.2f azurite=%.2f (system %.2f) floor=%.2fs",
                    i == 0 ? "" : ";", names.get(i), jvm, azurite, median(list, Sample::azuriteSystem),
                    (jvm + azurite) / cores));
        }
        System.out.printf(Locale.ROOT, "azurite: cpu per upload, median core-seconds (jvm includes the gateway or"
                + " relay; floor is that CPU spread over all %d cores, a time no such upload can beat here):%s%n",
                cores, line);
    }

    private static <T> double median(List<T> samples, ToDoubleFunction<T> field) {
        List<Double> sorted = new ArrayList<>(samples.stream().map(field::applyAsDouble).toList());
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One timed upload: its wall time, and the CPU it cost this JVM and Azurite. */
    private record Sample(double seconds, double clientCpu, double azuriteCpu, double azuriteSystem) {
    }

    /** A process's CPU time from {@code /proc/<pid>/stat}, in seconds (Linux clock ticks of 1/100 s). */
    private record ProcessCpu(double total, double system) {
        private static final double TICK = 0.01;

        /** Reads the process's CPU time, or returns {@code null} where there is no {@code /proc}. */
        static ProcessCpu of(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long user = Long.parseLong(fields[11]);
                long system = Long.parseLong(fields[12]);
                return new ProcessCpu((user + system) * TICK, system * TICK);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** A file to upload, and the same bytes cut into hashed blocks for the prehashed reference. */
    private record Upload(Path file, PrehashedBlocks prehashed) {
    }

    /** The stores' upload settings under test. */
    private record Settings(int blockSize, int concurrency, boolean checksums) {
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
