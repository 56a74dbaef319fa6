package dev.custommodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.FakeConnectorProvider;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowConflictException;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowNotFoundException;
import dev.custommodels.models.WorkflowValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLifecycleTest {
    private static final String CONNECTOR = "fake";

    @TempDir
    Path lakeDir;

    private FakeBackend backend;
    private MutableClock clock;
    private CustomModelsClient client;

    @BeforeEach
    void buildClient() {
        backend = FakeBackend.withSampleData();
        clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
        client = new CustomModelsClientBuilder()
                .lakeDirectory(lakeDir)
                .entityCatalog(SampleEntities.catalog())
                .connectorProvider(new FakeConnectorProvider(CONNECTOR, backend))
                .clock(clock)
                .pollInterval(Duration.ZERO)
                .buildClient();
    }

    @Test
    void createdWorkflowIsStoredWithContractSchemasAndEtag() throws Exception {
        Workflow created = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));

        assertThat(created.id()).matches("[0-9a-f-]{36}");
        assertThat(created.etag()).isNotBlank();
        assertThat(created.contract()).isEqualTo(FakeBackend.churnContract());
        assertThat(created.entitySchemas()).containsExactly(SampleEntities.CUSTOMER);
        assertThat(created.createdAt()).isEqualTo(clock.instant().atOffset(ZoneOffset.UTC));
        assertThat(backend.accessPrepared()).containsExactly(SampleEntities.churn(CONNECTOR));
        Path file = lakeDir.resolve("workflows/" + created.id() + ".json");
        assertThat(file).exists();
        assertThat(Files.readString(file)).doesNotContain(created.etag()).contains("\"displayName\" : \"Churn\"");
        assertThat(client.getWorkflow(created.id())).isEqualTo(created);
        assertThat(client.listWorkflows().stream().map(Workflow::id)).containsExactly(created.id());
    }

    @Test
    void displayNameCanChange() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        Workflow updated = update(w, w.definition().withDisplayName("Churn v2"));
        assertThat(updated.etag()).isNotEqualTo(w.etag());
        assertThat(client.getWorkflow(w.id()).displayName()).isEqualTo("Churn v2");
    }

    @Test
    void inputBindingsCanChange() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        update(w, w.definition().withInputs(List.of(SampleEntities.customerBinding(false))));
        assertThat(client.getWorkflow(w.id()).definition().inputs().get(0).field("monthlyCharges")).isEmpty();
    }

    @Test
    void outputSettingsCanChange() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        OutputSettings output = new OutputSettings("ChurnScores2", "output1", null, null);
        update(w, w.definition().withOutput(output));
        assertThat(client.getWorkflow(w.id()).definition().output()).isEqualTo(output);
    }

    @Test
    void customerIdAttributeCanChange() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        update(w, w.definition().withCustomerIdAttribute("churnScore"));
        assertThat(client.getWorkflow(w.id()).definition().customerIdAttribute()).isEqualTo("churnScore");
    }

    @Test
    void parametersAndDriftPolicyCanChange() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        update(w, w.definition().withParameters(Map.of("threshold", "0.7")).withDriftPolicy(DriftPolicy.WARN));
        Workflow read = client.getWorkflow(w.id());
        assertThat(read.definition().parameters()).containsExactly(Map.entry("threshold", "0.7"));
        assertThat(read.definition().driftPolicy()).isEqualTo(DriftPolicy.WARN);
    }

    @Test
    void updateKeepsCreatedAtAndStampsUpdatedAt() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        clock.advance(Duration.ofHours(1));
        Workflow updated = update(w, w.definition().withDisplayName("Later"));
        assertThat(updated.createdAt()).isEqualTo(w.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(w.createdAt().plusHours(1));
    }

    @Test
    void changingTheModelIsRejectedAndSaysToCreateANewWorkflow() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        ModelReference other = new ModelReference(CONNECTOR, FakeBackend.TENANT, FakeBackend.WORKSPACE, "scoring",
                null);
        assertThatThrownBy(() -> update(w, w.definition().withModel(other)))
                .isInstanceOf(WorkflowValidationException.class)
                .hasMessageContaining("model: the model of a saved workflow cannot change")
                .hasMessageContaining("Create a new workflow");
        assertThat(client.getWorkflow(w.id())).isEqualTo(w);
    }

    @Test
    void validationCollectsEveryProblemWithItsPath() {
        WorkflowDefinition bad = new WorkflowDefinition("Bad", SampleEntities.churn(CONNECTOR), List.of(
                new InputBinding("input1", "Customer", List.of(
                        FieldBinding.pin("customerId", "CustomerId"),
                        FieldBinding.pin("tenure", "Tenure"),
                        FieldBinding.pin("age", "TenureMonths"))),
                new InputBinding("input9", "Prospect", List.of())),
                new OutputSettings("Scores", "output7", null, null), "customerId", Map.of("treshold", "1"), null);

        assertThatThrownBy(() -> client.createWorkflow(bad))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> assertThat(e.getProblems())
                        .extracting(ValidationProblem::path)
                        .containsExactly(
                                "inputs[input1].fields[age]",
                                "inputs[input9]",
                                "inputs[input1].fields[tenure].attribute",
                                "inputs[input9].entity",
                                "output.modelOutput",
                                "parameters[treshold]"))
                .hasMessageContaining("6 problems")
                .hasMessageContaining("Its attributes: [CustomerId, TenureMonths, Charges, Email]");
        assertThat(lakeDir.resolve("workflows")).doesNotExist();
        assertThat(backend.accessPrepared()).isEmpty();
    }

    @Test
    void unmappedRequiredFieldIsAProblemButAnOptionalOneIsNot() {
        WorkflowDefinition def = SampleEntities.churnWorkflow(CONNECTOR).withInputs(List.of(
                new InputBinding("input1", "Customer", List.of(FieldBinding.pin("customerId", "CustomerId")))));
        assertThatThrownBy(() -> client.createWorkflow(def))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> {
                    assertThat(e.getProblems()).extracting(ValidationProblem::path)
                            .containsExactly("inputs[input1].fields[tenure]");
                    assertThat(e.getProblems().get(0).message())
                            .contains("Required field 'tenure' (integer) is not bound")
                            .contains("Near misses: Customer.TenureMonths");
                });
    }

    @Test
    void customerIdMustBeAnOutputColumnWhenTheModelDeclaresThem() {
        WorkflowDefinition def = SampleEntities.churnWorkflow(CONNECTOR).withCustomerIdAttribute("CustomerID");
        assertThatThrownBy(() -> client.createWorkflow(def))
                .isInstanceOf(WorkflowValidationException.class)
                .hasMessageContaining("customerIdAttribute: output 'output1' has no column 'CustomerID'");
    }

    @Test
    void connectorOutputProblemsAreReportedWithTheOthers() {
        ModelReference pipeline = new ModelReference(CONNECTOR, FakeBackend.TENANT, FakeBackend.WORKSPACE,
                "scoring", null);
        WorkflowDefinition def = WorkflowDefinition.of("Pipe", pipeline, List.of(new InputBinding("customers",
                "Customer", List.of(FieldBinding.pin("id", "CustomerId")))), OutputSettings.of("Out"), "id");
        assertThatThrownBy(() -> client.createWorkflow(def))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> assertThat(e.getProblems())
                        .extracting(ValidationProblem::path)
                        .containsExactly("output.outputDatastoreParameter", "output.outputPathParameter"));
        Workflow ok = client.createWorkflow(def.withOutput(new OutputSettings("Out", null, "output_datastore",
                "output_path")));
        assertThat(ok.contract().inputs().get(0).fieldsDeclared()).isFalse();
    }

    @Test
    void deniedAccessFailsCreateAndWritesNothing() {
        backend.denyAccess(FakeBackend.WORKSPACE);
        assertThatThrownBy(() -> client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR)))
                .isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("Owner or User Access Administrator");
        assertThat(client.listWorkflows().stream()).isEmpty();
    }

    @Test
    void deletingWorkflowKeepsOutputEntity() throws Exception {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        Workflow other = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR).withDisplayName("Other"));
        Path manifest = lakeDir.resolve("entities/ChurnScores/model.json");
        Path partition = lakeDir.resolve("entities/ChurnScores/v/run-1/part-00000.csv");
        Files.createDirectories(partition.getParent());
        Files.writeString(manifest, "{}");
        Files.writeString(partition, "customerId,churnScore\nc1,0.4\n");

        client.deleteWorkflow(w.id());

        assertThat(lakeDir.resolve("workflows/" + w.id() + ".json")).doesNotExist();
        assertThat(manifest).hasContent("{}");
        assertThat(partition).hasContent("customerId,churnScore\nc1,0.4\n");
        assertThat(client.listWorkflows().stream().map(Workflow::id)).containsExactly(other.id());
        assertThatThrownBy(() -> client.getWorkflow(w.id())).isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> client.deleteWorkflow(w.id()))
                .isInstanceOf(WorkflowNotFoundException.class)
                .hasMessageContaining(w.id());
    }

    @Test
    void updateWithAStaleEtagIsAConflictNamingBothEtags() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        Workflow first = update(w, w.definition().withDisplayName("First"));
        assertThatThrownBy(() -> update(w, w.definition().withDisplayName("Second")))
                .isInstanceOfSatisfying(WorkflowConflictException.class, e -> {
                    assertThat(e.getWorkflowId()).isEqualTo(w.id());
                    assertThat(e.getExpectedEtag()).isEqualTo(w.etag());
                    assertThat(e.getCurrentEtag()).isEqualTo(first.etag());
                })
                .hasMessageContaining(w.id())
                .hasMessageContaining(w.etag())
                .hasMessageContaining(first.etag());
        assertThat(client.getWorkflow(w.id()).displayName()).isEqualTo("First");
    }

    @Test
    void updateOfADeletedWorkflowIsNotFound() {
        Workflow w = client.createWorkflow(SampleEntities.churnWorkflow(CONNECTOR));
        client.deleteWorkflow(w.id());
        assertThatThrownBy(() -> update(w, w.definition().withDisplayName("Gone")))
                .isInstanceOf(WorkflowNotFoundException.class);
    }

    @Test
    void invalidIdsAreRejectedNamingTheId() {
        assertThatThrownBy(() -> client.getWorkflow("../entities/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../entities/x' is not a workflow id");
        assertThatThrownBy(() -> client.deleteWorkflow("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    private Workflow update(Workflow w, WorkflowDefinition definition) {
        return client.updateWorkflow(new Workflow(w.id(), definition, w.contract(), w.entitySchemas(), w.etag(),
                w.createdAt(), w.updatedAt()));
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
