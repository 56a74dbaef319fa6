package dev.custommodels.implementation.refresh;

import static dev.custommodels.implementation.refresh.RefreshPlannerTest.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.WorkflowRefreshResult;
import dev.custommodels.models.WorkflowRefreshStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshRunnerTest {
    private final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
    private final FakeWorkflowRunner workflows = new FakeWorkflowRunner(clock, Duration.ofMinutes(5));
    private final RefreshRunner runner = new RefreshRunner(workflows, clock);

    private RefreshResult refresh(RefreshOptions options, WorkflowNode... nodes) {
        return runner.run(RefreshPlanner.plan(List.of(nodes)), options, RefreshTrigger.MANUAL);
    }

    private static WorkflowRefreshResult entry(RefreshResult result, String id) {
        return result.workflow(id).orElseThrow();
    }

    @Test
    void everyWorkflowRunsOnceInDependencyOrderWithItsRunIdAndTimes() {
        RefreshResult result = runner.run(RefreshPlanner.plan(List.of(
                node("segment", "Segments", "ChurnScores"), node("churn", "ChurnScores", "Customer"))),
                new RefreshOptions(), RefreshTrigger.SCHEDULE);
        assertThat(workflows.calls()).containsExactly("churn", "segment");
        assertThat(workflows.triggers()).containsOnly(RefreshTrigger.SCHEDULE);
        assertThat(result.isSuccessful()).isTrue();
        assertThat(result.trigger()).isEqualTo(RefreshTrigger.SCHEDULE);
        assertThat(result.startedAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00Z"));
        assertThat(result.finishedAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:10Z"));
        assertThat(result.workflows()).containsExactly(
                new WorkflowRefreshResult("churn", "churn", WorkflowRefreshStatus.SUCCEEDED, "run-churn", null,
                        List.of(), OffsetDateTime.parse("2024-05-01T10:00Z"), OffsetDateTime.parse("2024-05-01T10:05Z")),
                new WorkflowRefreshResult("segment", "segment", WorkflowRefreshStatus.SUCCEEDED, "run-segment", null,
                        List.of("churn"), OffsetDateTime.parse("2024-05-01T10:05Z"),
                        OffsetDateTime.parse("2024-05-01T10:10Z")));
    }

    @Test
    void aFailedWorkflowSkipsItsDependentsTransitivelyWhileIndependentOnesGoOn() {
        workflows.failing("base", "Remote job failed: ModelError");
        RefreshResult result = refresh(new RefreshOptions(),
                node("base", "Base", "Customer"), node("mid", "Mid", "Base"), node("leaf", "Leaf", "Mid"),
                node("other", "Other", "Contact"));
        assertThat(workflows.calls()).containsExactly("base", "other");
        assertThat(result.isSuccessful()).isFalse();
        assertThat(entry(result, "base").status()).isEqualTo(WorkflowRefreshStatus.FAILED);
        assertThat(entry(result, "base").runId()).isEqualTo("run-base");
        assertThat(entry(result, "base").message()).isEqualTo("Remote job failed: ModelError");
        assertThat(entry(result, "mid").status()).isEqualTo(WorkflowRefreshStatus.SKIPPED);
        assertThat(entry(result, "mid").message()).isEqualTo(
                "Skipped because upstream workflow 'base', which writes its input entity 'Base', failed.");
        assertThat(entry(result, "mid").runId()).isNull();
        assertThat(entry(result, "mid").startedAt()).isNull();
        assertThat(entry(result, "leaf").message()).isEqualTo("Skipped because upstream workflow 'mid', which "
                + "writes its input entity 'Mid', was skipped. The failure started at 'base'.");
        assertThat(entry(result, "other").status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
        assertThat(result.withStatus(WorkflowRefreshStatus.SKIPPED)).extracting(WorkflowRefreshResult::workflowId)
                .containsExactly("mid", "leaf");
    }

    @Test
    void aWorkflowWithSeveralFailedUpstreamsNamesEach() {
        workflows.failing("a", "boom").failing("b", "bang");
        RefreshResult result = refresh(new RefreshOptions(),
                node("a", "A", "Customer"), node("b", "B", "Customer"), node("join", "J", "A", "B"));
        assertThat(entry(result, "join").message()).isEqualTo("Skipped because upstream workflow 'a', which writes "
                + "its input entity 'A', failed; and upstream workflow 'b', which writes its input entity 'B', "
                + "failed.");
    }

    @Test
    void anExceptionFromTheRunnerIsAFailureWithItsMessage() {
        workflows.on("throws", t -> {
            throw new IllegalStateException("Drift: field 'tenure' changed type");
        });
        workflows.on("bare", t -> {
            throw new UnsupportedOperationException();
        });
        workflows.on("nothing", t -> null);
        RefreshResult result = refresh(new RefreshOptions(), node("throws", "A", "Customer"),
                node("bare", "B", "Customer"), node("nothing", "C", "Customer"), node("fine", "D", "Customer"));
        assertThat(entry(result, "throws").message()).isEqualTo("Drift: field 'tenure' changed type");
        assertThat(entry(result, "throws").runId()).isNull();
        assertThat(entry(result, "bare").message()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(entry(result, "nothing").message()).isEqualTo("The workflow runner returned no outcome.");
        assertThat(entry(result, "fine").status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
    }

    @Test
    void withoutContinueAfterFailureEveryWorkflowNotStartedIsSkipped() {
        workflows.failing("first", "boom");
        RefreshResult result = refresh(new RefreshOptions().withContinueAfterFailure(false),
                node("first", "A", "Customer"), node("second", "B", "Contact"), node("third", "C", "A"));
        assertThat(workflows.calls()).containsExactly("first");
        assertThat(entry(result, "second").message()).isEqualTo("Skipped because the refresh stopped after "
                + "workflow 'first' failed (continue-after-failure is off).");
        assertThat(entry(result, "third").message()).startsWith("Skipped because upstream workflow 'first'");
    }

    @Test
    void aCycleFailsItsMembersWithoutRunningThemAndSkipsWhatReadsThem() {
        RefreshResult result = refresh(new RefreshOptions(), node("a", "X", "Y"), node("b", "Y", "X"),
                node("c", "Z", "X"), node("d", "W", "Customer"));
        assertThat(workflows.calls()).containsExactly("d");
        assertThat(entry(result, "a").status()).isEqualTo(WorkflowRefreshStatus.FAILED);
        assertThat(entry(result, "a").message()).contains("dependency cycle 'a' -> 'b' -> 'a'");
        assertThat(entry(result, "b").status()).isEqualTo(WorkflowRefreshStatus.FAILED);
        assertThat(entry(result, "c").status()).isEqualTo(WorkflowRefreshStatus.SKIPPED);
        assertThat(entry(result, "c").message())
                .isEqualTo("Skipped because upstream workflow 'a', which writes its input entity 'X', failed.");
        assertThat(entry(result, "d").status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
    }

    @Test
    void planWarningsAreCarriedIntoTheResult() {
        RefreshResult result = refresh(new RefreshOptions(), node("w1", "S", "Customer"), node("w2", "S", "Contact"));
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0)).contains("all write the entity 'S'");
        assertThat(result.isSuccessful()).isTrue();
    }

    @Test
    void anEmptyPlanIsASuccessfulRefreshOfNothing() {
        RefreshResult result = refresh(new RefreshOptions().withMaxParallelism(4));
        assertThat(result.workflows()).isEmpty();
        assertThat(result.isSuccessful()).isTrue();
    }

    @Test
    void anInterruptStopsTheRefreshBeforeTheNextWorkflow() {
        workflows.on("first", t -> {
            Thread.currentThread().interrupt(); // as a host shutting down would
            return RunOutcome.succeeded("run-first");
        });
        try {
            RefreshResult result = refresh(new RefreshOptions(), node("first", "A", "Customer"),
                    node("second", "B", "Contact"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(workflows.calls()).containsExactly("first");
            assertThat(entry(result, "second").message())
                    .isEqualTo("Skipped because the refresh was interrupted before this workflow started.");
        } finally {
            Thread.interrupted();
        }
    }
}
