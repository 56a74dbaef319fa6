package dev.custommodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.FakeConnectorProvider;
import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping engine's checks, as createWorkflow reports them. */
class WorkflowMappingValidationTest {
    @TempDir
    Path lakeDir;

    private CustomModelsClient client;

    @BeforeEach
    void buildClient() {
        client = new CustomModelsClientBuilder().lakeDirectory(lakeDir).entityCatalog(SampleEntities.catalog())
                .connectorProvider(new FakeConnectorProvider("fake", FakeBackend.withSampleData()))
                .pollInterval(Duration.ZERO).buildClient();
    }

    @Test
    void unmappedRequiredFieldNamesItsNearMissesAndWhyEachLost() {
        WorkflowDefinition def = SampleEntities.churnWorkflow("fake").withInputs(List.of(new InputBinding("input1",
                "Customer", List.of(FieldBinding.pin("customerId", "CustomerId")))));

        assertThatThrownBy(() -> client.createWorkflow(def))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> assertThat(e.getProblems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo("inputs[input1].fields[tenure]");
                            assertThat(p.message()).contains("Near misses: Customer.TenureMonths (0.57): score 0.57"
                                    + " is below the review threshold 0.60");
                        }));
    }

    @Test
    void attributeWhoseTypeCanNeverFeedItsFieldIsATypeLatticeVeto() {
        WorkflowDefinition def = SampleEntities.churnWorkflow("fake").withInputs(List.of(new InputBinding("input1",
                "Customer", List.of(FieldBinding.pin("customerId", "CustomerId"),
                        FieldBinding.pin("tenure", "Email")))));

        assertThatThrownBy(() -> client.createWorkflow(def))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> assertThat(e.getProblems())
                        .containsExactly(new ValidationProblem("inputs[input1].fields[tenure]", "Attribute"
                                + " 'Customer.Email' (string) cannot feed field 'tenure' (integer): a string never"
                                + " feeds an integer field (only a text key may feed a numeric key). Bind an attribute"
                                + " of a compatible type.")));
    }

    @Test
    void attributeFromAnotherEntityThanTheInputsIsRejectedWithTheWayOut() {
        WorkflowDefinition def = SampleEntities.churnWorkflow("fake").withInputs(List.of(new InputBinding("input1",
                "Customer", List.of(FieldBinding.pin("customerId", "CustomerId"),
                        FieldBinding.pin("tenure", "TenureMonths"),
                        new FieldBinding("monthlyCharges", "Contact", "Phone", 1.0, true)))));

        assertThatThrownBy(() -> client.createWorkflow(def))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> assertThat(e.getProblems())
                        .extracting(ValidationProblem::path)
                        .containsExactly("inputs[input1].fields[monthlyCharges].entity"))
                .hasMessageContaining("'Contact.Phone' comes from another entity than the input's entity"
                        + " 'Customer'")
                .hasMessageContaining("JdbcEntitySource over a SQL join");
    }
}
