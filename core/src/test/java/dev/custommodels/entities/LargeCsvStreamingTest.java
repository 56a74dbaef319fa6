package dev.custommodels.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 5-million-row CSV entity streams through a JVM limited to 128 MB of heap. */
class LargeCsvStreamingTest {
    private static final long ROWS = 5_000_000;

    @TempDir
    Path dir;

    @Test
    void fiveMillionRowCsvIsReadWithA128MegabyteHeap() throws Exception {
        Path file = dir.resolve("customers.csv");
        long expectedChecksum = LargeCsvFile.write(file, ROWS);
        assertThat(Files.size(file)).isGreaterThan(128L * 1024 * 1024);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CsvCountMain.class.getName(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);

        assertThat(finished).as("child finished in time; output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("child exit code; output:%n%s", output).isZero();
        Matcher m = Pattern.compile("rows=(\\d+) checksum=(\\d+) peakHeapBytes=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(ROWS);
        assertThat(Long.parseLong(m.group(2))).isEqualTo(expectedChecksum);
        assertThat(Long.parseLong(m.group(3))).isLessThanOrEqualTo(128L * 1024 * 1024);
        System.out.println("5M-row CSV in a -Xmx128m child: " + m.group(0) + ", file bytes=" + Files.size(file));
    }

}
