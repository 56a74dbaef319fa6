package dev.custommodels.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.LakeObjectInfo;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer in a child process is killed before, during and after its manifest swap. Readers see the previous
 * version or the new one, whole; the next commit removes what the killed writer left behind.
 */
class OutputWriterCrashTest {
    private static final String ENTITY = "Crash";
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"before-swap", "during-swap", "after-swap"})
    void aKilledWriterLeavesAWholeVersionAndItsLeftoversGoAtTheNextCommit(String phase) throws Exception {
        Path lakeDir = dir.resolve("lake");
        LocalLakeStore lake = new LocalLakeStore(lakeDir);
        OutputEntityClient client = new OutputEntityClientBuilder().lakeStore(lake).retainedVersions(1)
                .targetRowsPerPartition(60).buildClient();
        Versions.write(client, ENTITY, 1);
        Path errors = dir.resolve("child-errors.txt");
        Process child = ChildProcesses.start(errors, "pause", lakeDir.toString(), ENTITY, "2", phase, "1");
        try {
            BufferedReader out = ChildProcesses.lines(child);
            ChildProcesses.awaitLine(out, "PAUSED " + phase, errors);
            int expected = phase.equals("after-swap") ? 2 : 1;
            assertThat(wholeVersion(client)).isEqualTo(expected);
            assertThat(files(lake, "entities/Crash/v/run-2/")).as("the child's partitions").isNotEmpty();
            if (phase.equals("after-swap")) {
                assertThat(files(lake, "entities/Crash/v/run-1/")).as("not yet cleaned").isNotEmpty();
            }

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wholeVersion(client)).isEqualTo(expected);
            assertThat(client.getCurrentVersion(ENTITY).runId()).isEqualTo(Versions.runId(expected));

            OutputCommitResult next = Versions.write(client, ENTITY, 3);
            assertThat(next.deletedFiles()).isPositive();
            assertThat(wholeVersion(client)).isEqualTo(3);
            assertThat(files(lake, "entities/Crash/v/")).allMatch(p -> p.startsWith("entities/Crash/v/run-3/"))
                    .hasSize(1 + 2 * next.version().partitionPaths().size());
        } finally {
            child.destroyForcibly();
        }
    }

    private static int wholeVersion(OutputEntityClient client) {
        int viaScan = Versions.assertWholeVersion(client.query(ENTITY, new OutputQueryOptions().setPageSize(50))
                .stream().toList());
        assertThat(client.query(ENTITY, "CustomerId eq 'c-3'").stream().map(r -> r.getString("Marker")))
                .containsExactly("m-" + viaScan);
        return viaScan;
    }

    private static List<String> files(LocalLakeStore lake, String prefix) {
        try (var s = lake.list(prefix)) {
            return s.map(LakeObjectInfo::path).toList();
        }
    }
}
