package dev.custommodels.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails part-way, here because the file system refuses to grow the file (a file size limit set with
 * {@code ulimit -f} on the child JVM), leaves the object as it was, even when the stream is closed afterwards and the
 * failed write left nothing buffered to trip over.
 */
class LocalLakeStoreTornWriteTest {
    @TempDir
    Path dir;

    @Test
    void closingAfterAFailedWriteCommitsNothing() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash to set a file size limit");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        // 1536 KiB: room for the JVM's own files, not for the 4 MiB object
        Process child = new ProcessBuilder(List.of(bash.toString(), "-c", "ulimit -f 1536 && exec \"$0\" \"$@\"",
                java.toString(), "-cp", System.getProperty("java.class.path"), TornWriteChild.class.getName(),
                dir.resolve("lake").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        assertThat(output).as("the file system refused the large write").contains("write_failure=File too large");
        assertThat(output).contains("close=refused: A write to lake path 'data/object.bin' failed")
                .contains("closing commits nothing");
        assertThat(output).as("the old version stays").contains("content=2 bytes");
        assertThat(output).as("the temporary file is gone").contains("files=1");
    }
}
