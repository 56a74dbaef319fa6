package dev.custommodels.benchmarks;

import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteLauncher;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A 1 GiB object written through {@code BlobLakeStore} into Azurite (and read back) by a child JVM started with
 * {@code -Xmx256m} and as much direct memory: shows that writes stream and never hold an object whole.
 */
public final class AzuriteGigabyteWorkload implements Workload {

    /** Creates the workload; found through {@code ServiceLoader}. */
    public AzuriteGigabyteWorkload() {
    }

    @Override
    public String name() {
        return "azurite-1gb";
    }

    @Override
    public String usage() {
        return "azurite-1gb [size-MiB (default 1024)] [heap (default 256m)]   starts Azurite itself (Node.js 20+)";
    }

    @Override
    public void run(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 1024) << 20;
        String heap = args.length > 1 ? args[1] : "256m";
        try (Azurite azurite = AzuriteLauncher.create().start()) {
            new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                    .createBlobContainer("big");
            String output = runChild(azurite, size, heap);
            System.out.println("azurite-1gb: child JVM -Xmx" + heap + " -XX:MaxDirectMemorySize=" + heap + ": "
                    + output.trim());
            String line = output.lines().filter(l -> l.startsWith("size=")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The child printed no figures: " + output));
            String mbs = field(line, "upload_mb_s");
            boolean intact = field(line, "crc").equals(field(line, "read_crc"))
                    && Long.parseLong(field(line, "read_bytes")) == size;
            System.out.printf(Locale.ROOT, "azurite-1gb: size_mib=%d heap=%s upload_mb_s=%s upload_s=%s"
                    + " peak_heap_used_mb=%s peak_direct_mb=%s intact=%s%n", size >> 20, heap, mbs,
                    field(line, "upload_s"), field(line, "sampled_peak_heap_used_mb"),
                    field(line, "sampled_peak_direct_mb"), intact);
            if (!intact) {
                throw new IllegalStateException("The object read back differs from the one written.");
            }
        }
    }

    private static String runChild(Azurite azurite, long size, String heap) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder child = new ProcessBuilder(List.of(java.toString(), "-Xmx" + heap,
                "-XX:MaxDirectMemorySize=" + heap, "-cp",
                System.getProperty("java.class.path"), LargeUploadChild.class.getName(), "big", "object.bin",
                Long.toString(size))).redirectErrorStream(true);
        child.environment().put(LargeUploadChild.CONNECTION_STRING_VARIABLE, azurite.connectionString());
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("The child JVM failed: " + output);
        }
        return output;
    }

    private static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("No " + key + " in: " + line);
    }
}
