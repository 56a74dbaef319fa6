package dev.custommodels.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An object three times the heap streams through the Blob store into Azurite and back, in a child JVM with a
 * 64 MiB heap and at most 64 MiB of direct memory (where the store's blocks live), so the whole object never fits
 * in what the JVM may use. The 1 GiB under {@code -Xmx256m} run is the benchmark workload {@code azurite-1gb}
 * (about 100 s on a 2-core machine, too slow for the test suite).
 */
@ExtendWith(AzuriteExtension.class)
class LargeUploadSmallHeapTest {
    private static final long SIZE = 192L << 20;

    @Test
    void objectThreeTimesTheHeapUploadsAndReadsBack(Azurite azurite) throws Exception {
        String container = TestStores.newContainer(azurite.connectionString(), "large");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Past 64 MiB of direct buffers the child fails with OutOfMemoryError, and so does this test.
        ProcessBuilder child = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:MaxDirectMemorySize=64m",
                "-Dorg.slf4j.simpleLogger.log.com.azure=warn", "-Dorg.slf4j.simpleLogger.log.dev.custommodels=warn",
                "-cp", System.getProperty("java.class.path"), LargeUpload.class.getName(),
                container, "big/object.bin", Long.toString(SIZE), Integer.toString(4 << 20), "4"))
                .redirectErrorStream(true);
        child.environment().put("LAKE_CONNECTION_STRING", azurite.connectionString());
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("LargeUpload: " + output.trim());
        assertThat(process.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("read_bytes=(\\d+) crc=(\\w+) read_crc=(\\w+) max_heap_mb=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(SIZE);
        assertThat(m.group(3)).isEqualTo(m.group(2));
        assertThat(Long.parseLong(m.group(4))).isLessThanOrEqualTo(64);
        BlobLakeStore store = BlobLakeStore.builder().connectionString(azurite.connectionString())
                .containerName(container).buildStore();
        assertThat(store.stat("big/object.bin")).get().extracting(LakeObjectInfo::size).isEqualTo(SIZE);
        store.delete("big/object.bin");
    }
}
