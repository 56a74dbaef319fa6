package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.RunTrigger;
import dev.custommodels.models.WorkflowRefreshResult;
import dev.custommodels.models.WorkflowRefreshStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled-refresh example: two scheduled refreshes, each running the churn workflow before the workflow that
 * reads its output entity. The example waits on a latch its refresh listener releases, never on a sleep.
 */
class ScheduledRefreshExampleTest {

    @Test
    void eachScheduledRefreshRunsTheChurnWorkflowBeforeTheOffersWorkflow(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ScheduledRefreshResult result = ScheduledRefreshExample.run(dir.resolve("azure"), Duration.ofMillis(200), 2,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String churnId = result.churn().id();
        String offersId = result.offers().id();

        assertThat(result.refreshes()).hasSize(2);
        for (RefreshResult refresh : result.refreshes()) {
            assertThat(refresh.trigger()).isEqualTo(RefreshTrigger.SCHEDULE);
            assertThat(refresh.isSuccessful()).as("%s", refresh).isTrue();
            assertThat(refresh.workflows()).extracting(WorkflowRefreshResult::workflowId)
                    .containsExactly(churnId, offersId);
            WorkflowRefreshResult churn = refresh.workflow(churnId).orElseThrow();
            WorkflowRefreshResult offers = refresh.workflow(offersId).orElseThrow();
            assertThat(churn.status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
            assertThat(offers.status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
            assertThat(churn.dependsOn()).isEmpty();
            assertThat(offers.dependsOn()).containsExactly(churnId);
            assertThat(offers.startedAt()).isAfterOrEqualTo(churn.finishedAt());
        }
        assertThat(result.refreshes().get(1).startedAt())
                .isAfterOrEqualTo(result.refreshes().get(0).finishedAt());
        assertThat(result.completionOrder()).containsExactly(
                List.of("Customer churn", "Retention offers"), List.of("Customer churn", "Retention offers"));

        List<RunRecord> churnRuns = result.runs().get(churnId);
        List<RunRecord> offersRuns = result.runs().get(offersId);
        assertThat(churnRuns).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(offersRuns).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(churnRuns).filteredOn(r -> r.trigger() == RunTrigger.MANUAL).hasSize(1);
        assertThat(offersRuns).noneMatch(r -> r.trigger() == RunTrigger.MANUAL);
        for (RefreshResult refresh : result.refreshes()) {
            assertThat(churnRuns).filteredOn(r -> r.runId().equals(refresh.workflow(churnId).orElseThrow().runId()))
                    .singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo(RunTrigger.SCHEDULE));
            assertThat(offersRuns).filteredOn(r -> r.runId().equals(refresh.workflow(offersId).orElseThrow().runId()))
                    .singleElement().satisfies(r -> {
                        assertThat(r.trigger()).isEqualTo(RunTrigger.SCHEDULE);
                        assertThat(r.counts().committedRows()).isEqualTo(ScheduledRefreshExample.CUSTOMERS);
                    });
        }

        String customerId = SampleEntities.customerId(42);
        assertThat(result.churnRow().getString("CustomerId")).isEqualTo(customerId);
        double score = result.churnRow().getDouble("ChurnScore");
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(result.offerRow().getString("CustomerId")).isEqualTo(customerId);
        assertThat(result.offerRow().getString(RefreshPipelinesBackend.OFFER_CODE_COLUMN)).isEqualTo(
                RefreshPipelinesBackend.OffersModel.offerCode(score, result.churnRow().getBoolean("WillChurn")));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Schedule closed.");
    }
}
