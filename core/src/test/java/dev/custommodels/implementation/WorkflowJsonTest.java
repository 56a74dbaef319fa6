package dev.custommodels.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowJsonTest {

    @Test
    void everyPartOfAWorkflowSurvivesTheRoundTripExceptTheEtag() {
        WorkflowDefinition definition = new WorkflowDefinition("Pipeline run",
                new ModelReference("aml-pipeline", "t1", "/subscriptions/s/ws", "endpoint-1", "v2"),
                List.of(new InputBinding("customers", "Customer", List.of(
                        new FieldBinding("id", null, "CustomerId", 1.0, true),
                        new FieldBinding("phone", "Contact", "Phone", 0.42, false)))),
                new OutputSettings("Scores", "scores", "output_datastore", "output_path"), "id",
                Map.of("output_path", "out/", "threshold", "0.5"), DriftPolicy.WARN);
        Workflow w = new Workflow("wf-1", definition, FakeBackend.pipelineContract(),
                List.of(SampleEntities.CUSTOMER, SampleEntities.CONTACT), "\"etag-1\"",
                OffsetDateTime.parse("2024-05-01T10:00:00Z"), OffsetDateTime.parse("2024-05-02T11:30:00.123+02:00"));

        byte[] json = WorkflowJson.write(w);
        Workflow read = WorkflowJson.read("workflows/wf-1.json", json, "\"etag-2\"");

        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("etag-1").contains("\"formatVersion\" : 1");
        assertThat(read).isEqualTo(new Workflow(w.id(), w.definition(), w.contract(), w.entitySchemas(),
                "\"etag-2\"", w.createdAt(), w.updatedAt()));
        Workflow churn = new Workflow("wf-2", SampleEntities.churnWorkflow("fake"), FakeBackend.churnContract(),
                List.of(SampleEntities.CUSTOMER), null, null, null);
        assertThat(WorkflowJson.read("p", WorkflowJson.write(churn), null)).isEqualTo(churn);
    }

    @Test
    void unknownPropertiesAreIgnoredAndMissingOnesAreCorrupt() {
        Workflow churn = new Workflow("wf-2", SampleEntities.churnWorkflow("fake"), FakeBackend.churnContract(),
                List.of(SampleEntities.CUSTOMER), null, null, null);
        String json = new String(WorkflowJson.write(churn), StandardCharsets.UTF_8);
        String extra = json.replaceFirst("\\{", "{ \"addedLater\" : [1, 2],");
        assertThat(WorkflowJson.read("p", extra.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(churn);
        String noContract = json.replaceFirst("\"contract\" :", "\"contrakt\" :");
        assertThatThrownBy(() -> WorkflowJson.read("workflows/wf-2.json", noContract.getBytes(StandardCharsets.UTF_8),
                null))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("workflows/wf-2.json")
                .hasMessageContaining("'contract' is missing");
        assertThatThrownBy(() -> WorkflowJson.read("w.json", new byte[0], null))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("w.json");
    }
}
