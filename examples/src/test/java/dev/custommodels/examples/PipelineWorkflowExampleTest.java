package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.Workflow;
import dev.custommodels.spi.azure.AzureRoles;
import dev.custommodels.testkit.junit.AmlPipelineBackend;
import dev.custommodels.testkit.junit.CustomModelsTest;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import org.junit.jupiter.api.Test;

@CustomModelsTest(loopback = true)
class PipelineWorkflowExampleTest {

    @Test
    void listsTheIneligiblePipelineRefusesAReaderAndSavesWithTheGrant(CustomModelsTestEnvironment azure) {
        Printed printed = new Printed();
        Workflow workflow = PipelineWorkflowExample.run(azure, printed.out);
        String text = printed.text();
        System.out.println(text);

        assertThat(text).contains("Workspace " + CustomModelsTestEnvironment.WORKSPACE_NAME + " (Azure ML, westeurope)")
                .containsPattern(AmlPipelineBackend.SCORING_ENDPOINT + " +eligible")
                .contains(AmlPipelineBackend.INELIGIBLE_ENDPOINT + " not eligible: Its default pipeline has only one"
                        + " string parameter ('output_path')")
                .contains("input input_data.LoyaltyTier: STRING", "input input_data.AnnualIncome: NUMBER",
                        "input input_data.Children: INTEGER", "parameter threshold = 0.5")
                .contains("Refused: Couldn't save the workflow: you need the Owner or User Access Administrator role"
                        + " on Azure Machine Learning workspace '" + CustomModelsTestEnvironment.WORKSPACE_NAME + "'")
                .contains("Granted Contributor to service principal " + azure.servicePrincipalId() + " on "
                        + azure.workspace().id())
                .contains("Saved workflow 'Churn risk' (id " + workflow.id() + ")");
        assertThat(text.indexOf("Refused:")).isLessThan(text.indexOf("Granted Contributor"));

        assertThat(workflow.model()).isEqualTo(azure.model(AmlPipelineBackend.SCORING_ENDPOINT));
        assertThat(workflow.definition().inputs().get(0).field("LoyaltyTier")).hasValueSatisfying(
                f -> assertThat(f.attribute()).isEqualTo("MembershipLevel"));
        assertThat(azure.arm().roleAssignments()).singleElement().satisfies(
                r -> assertThat(r.roleId()).isEqualTo(AzureRoles.CONTRIBUTOR));
        assertThat(azure.lake().stat("workflows/" + workflow.id() + ".json")).isPresent();
        assertThat(azure.emulator().count("PUT", ".*/roleAssignments/.*")).isEqualTo(1);
    }
}
