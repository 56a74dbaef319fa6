package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.connectors.pipeline.AmlPipelineOptions;
import dev.custommodels.models.Workflow;
import dev.custommodels.testkit.junit.AmlPipelineBackend;
import dev.custommodels.testkit.junit.CustomModelsTest;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import org.junit.jupiter.api.Test;

@CustomModelsTest
class JdbcEntitySourceExampleTest {

    @Test
    void streamsTheSqlEntityAndSavesAWorkflowBoundToIt(CustomModelsTestEnvironment azure) throws Exception {
        Printed printed = new Printed();
        Workflow workflow = JdbcEntitySourceExample.run(azure, "jdbc:h2:mem:crm-test", 1_234, printed.out);
        String text = printed.text();

        assertThat(text).contains("Entity CrmCustomer [CustomerId, Email, CustomerSince, IsMember, MembershipLevel,"
                        + " YearlyIncome, TotalSpend, NumberOfChildren]")
                .contains("Streamed 1234 rows")
                .contains("Saved workflow 'Churn risk (CRM)' bound to entity CrmCustomer");
        assertThat(text.lines().filter(l -> l.startsWith("  CrmCustomer["))).hasSize(2);
        assertThat(workflow.entitySchemas()).containsExactly(JdbcEntitySourceExample.CRM_CUSTOMER);
        assertThat(workflow.model()).isEqualTo(azure.model(AmlPipelineBackend.SCORING_ENDPOINT));
    }

    @Test
    void theDatabaseIsGoneOnceTheExampleEnds(CustomModelsTestEnvironment azure) throws Exception {
        JdbcEntitySourceExample.run(azure, "jdbc:h2:mem:crm-again", 10, new Printed().out);
        Workflow second = JdbcEntitySourceExample.run(azure, "jdbc:h2:mem:crm-again", 10, new Printed().out);
        assertThat(second.displayName()).isEqualTo("Churn risk (CRM)");
    }

    @Test
    void theBackendSetsTheConnectorsServicePrincipalOption() {
        assertThat(AmlPipelineBackend.SERVICE_PRINCIPAL_OPTION).isEqualTo(AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID);
        assertThat(AmlPipelineBackend.CONNECTOR).isEqualTo(
                dev.custommodels.connectors.pipeline.AmlPipelineConnectorProvider.NAME);
    }
}
