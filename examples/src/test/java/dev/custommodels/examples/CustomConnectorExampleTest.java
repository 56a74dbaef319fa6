package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.models.Workflow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomConnectorExampleTest {
    @TempDir
    Path lake;

    @Test
    void discoversDescribesAndSavesAWorkflowAgainstTheCustomConnector() {
        Printed printed = new Printed();
        Workflow workflow = CustomConnectorExample.run(lake, printed.out);
        String text = printed.text();

        assertThat(text).containsPattern("Connectors: \\[.*local-model.*]")
                .contains("Models in this JVM / spend-propensity: eligible")
                .contains("Models in this JVM / upsell: not eligible: The model has no weights yet; train it first.")
                .contains("input field customer: STRING", "input field spend: NUMBER", "input field children: NUMBER")
                .contains("output column customer: STRING", "output column Score: NUMBER")
                .contains("Saved workflow 'Spend propensity' (id " + workflow.id() + ") for local-model:in-process/"
                        + "spend-propensity");
        assertThat(workflow.contract().inputs().get(0).name()).isEqualTo("rows");
        assertThat(workflow.entitySchemas()).extracting(s -> s.name()).containsExactly("Customer");

        CustomModelsClient reader = new CustomModelsClientBuilder().lakeDirectory(lake)
                .entityCatalog(EntityCatalog.of(SampleEntities.customers(1)))
                .connectorProvider(new LocalModelConnectorProvider(LocalModel.spendPropensity())).buildClient();
        assertThat(reader.getWorkflow(workflow.id()).definition()).isEqualTo(workflow.definition());
    }

    @Test
    void theLocalModelScoresWithItsWeights() {
        LocalModel model = LocalModel.spendPropensity();
        double low = model.score(f -> f.equals("spend") ? "0" : "0");
        double high = model.score(f -> f.equals("spend") ? "9000" : "0");
        assertThat(low).isCloseTo(1 / (1 + Math.exp(2.5)), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(high).isGreaterThan(0.9);
    }
}
