package dev.custommodels.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.fakes.GeneratedCustomers;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.fakes.ScoringBackend;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputEntityClient;
import dev.custommodels.output.OutputEntityClientBuilder;
import dev.custommodels.output.OutputEntityVersion;
import dev.custommodels.lake.LocalLakeStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a real child process that runs a workflow at each phase, then resumes the run in this JVM: every run ends
 * with exactly one output row per scored input row, and the remote job submitted once.
 */
class RunCrashRecoveryTest {
    private static final long ROWS = 10_000;

    @TempDir
    Path root;

    @ParameterizedTest(name = "killed at {0}, resumed from {1}")
    @CsvSource({"export, EXPORT", "submit, SUBMIT", "remote, REMOTE", "collect, COLLECT", "commit, COMMIT",
            "committed, COMMIT"})
    void runKilledAndResumedCommitsEveryRowOnceAndSubmitsOnce(String mode, RunPhase phaseAtKill) throws Exception {
        Path lakeDir = root.resolve("lake");
        Path stateDir = root.resolve("service");
        EntityCatalog catalog = EntityCatalog.of(new GeneratedCustomers(ROWS, 0));
        CustomModelsClient setup = RunBed.builder(catalog, new ScoringBackend(stateDir), Clock.systemUTC())
                .lakeDirectory(lakeDir).buildClient();
        Workflow w = setup.createWorkflow(SampleEntities.churnWorkflow(RunBed.CONNECTOR));

        killAtPause(lakeDir, stateDir, w.id(), mode);

        RunRecord killed = setup.listRuns(w.id()).stream().findFirst().orElseThrow();
        assertThat(killed.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(killed.phase()).isEqualTo(phaseAtKill);
        ScoringBackend service = new ScoringBackend(stateDir);
        CustomModelsClient afterRestart = RunBed.builder(catalog, service,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).lakeDirectory(lakeDir).buildClient();

        RunResult result = afterRestart.resumeRun(killed.runId()).getFinalResult();

        assertThat(result.runId()).isEqualTo(killed.runId());
        assertThat(result.counts().exportedRows()).isEqualTo(ROWS);
        assertThat(result.counts().committedRows()).isEqualTo(ROWS);
        assertThat(service.submissions()).hasSize(1).allMatch(s -> s.endsWith(" " + killed.runId()));
        OutputEntityClient outputs = new OutputEntityClientBuilder().lakeStore(new LocalLakeStore(lakeDir))
                .buildClient();
        List<OutputEntityVersion> versions = outputs.listVersions(RunnerMain.ENTITY);
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.runId()).isEqualTo(killed.runId());
            assertThat(v.rowCount()).isEqualTo(ROWS);
        });
        Set<Object> ids = new HashSet<>();
        long rows = outputs.query(RunnerMain.ENTITY, (String) null).stream()
                .peek(r -> ids.add(r.get("customerId"))).count();
        assertThat(rows).isEqualTo(ROWS);
        assertThat(ids).hasSize((int) ROWS).contains(GeneratedCustomers.key(0), GeneratedCustomers.key(ROWS - 1));
        String staged = "runs/" + w.id() + "/" + killed.runId() + "/inputs/input1/";
        try (var parts = Files.list(lakeDir.resolve(staged))) {
            assertThat(parts.filter(p -> p.getFileName().toString().startsWith("part-")).count())
                    .isEqualTo(ROWS / RunnerMain.CHUNK_ROWS);
        }
    }

    private static void killAtPause(Path lakeDir, Path stateDir, String workflowId, String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path errors = stateDir.resolveSibling("child-" + mode + ".err");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                RunnerMain.class.getName(), lakeDir.toString(), stateDir.toString(), workflowId,
                Long.toString(ROWS), mode).redirectError(errors.toFile()).start();
        try {
            CompletableFuture<String> paused = CompletableFuture.supplyAsync(() -> awaitPause(child));
            String line = paused.get(120, TimeUnit.SECONDS);
            assertThat(line).as("child output; stderr in %s: %s", errors, read(errors)).isEqualTo("PAUSED " + mode);
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static String awaitPause(Process child) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PAUSED ") || line.startsWith("DONE ")) {
                    return line;
                }
            }
            return "(the child ended without pausing)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
