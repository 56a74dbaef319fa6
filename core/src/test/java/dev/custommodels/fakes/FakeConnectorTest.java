package dev.custommodels.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.StagedInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake's job flow works through the context a real client gives it, so other tests can rely on it. */
class FakeConnectorTest {
    @TempDir
    Path lakeDir;

    @Test
    void jobRunsQueuedRunningSucceededAndCollectsIntoTheLake() {
        FakeConnectorProvider provider = new FakeConnectorProvider("fake", FakeBackend.withSampleData());
        new CustomModelsClientBuilder().lakeDirectory(lakeDir)
                .entityCatalog(SampleEntities.catalog()).connectorProvider(provider).buildClient()
                .listWorkspaces("fake", FakeBackend.TENANT).stream().count();
        Connector connector = provider.create(provider.contexts().get(0));
        JobRequest request = new JobRequest("run-1", "wf-1", SampleEntities.churn("fake"), FakeBackend.churnContract(),
                List.of(new StagedInput("input1", List.of("runs/wf-1/run-1/inputs/input1/part-0.csv"),
                        List.of("customerId", "tenure"), 2)),
                Map.of(), SampleEntities.churnWorkflow("fake").output(), "runs/wf-1/run-1/connector/");

        JobHandle job = connector.submit(request);
        assertThatThrownBy(() -> connector.collect(job, "runs/wf-1/run-1/outputs/"))
                .isInstanceOf(CustomModelsException.class).hasMessageContaining("QUEUED");
        assertThat(connector.poll(job).state()).isEqualTo(JobState.RUNNING);
        assertThat(connector.poll(job).state()).isEqualTo(JobState.SUCCEEDED);
        connector.cancel(job);
        assertThat(connector.poll(job).state()).isEqualTo(JobState.SUCCEEDED);
        List<String> written = connector.collect(job, "runs/wf-1/run-1/outputs/");

        assertThat(written).containsExactly("runs/wf-1/run-1/outputs/part-0.csv");
        assertThat(new String(provider.contexts().get(0).lake().readAll(written.get(0)), StandardCharsets.UTF_8))
                .isEqualTo("input,path\ninput1,runs/wf-1/run-1/inputs/input1/part-0.csv\n");
        JobHandle cancelled = connector.submit(request);
        connector.cancel(cancelled);
        assertThat(connector.poll(cancelled).state()).isEqualTo(JobState.CANCELED);
        assertThat(connector.poll(new JobHandle("fake", "nope", null)).state()).isEqualTo(JobState.FAILED);
    }
}
