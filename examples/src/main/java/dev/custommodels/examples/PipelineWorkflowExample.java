package dev.custommodels.examples;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.connectors.pipeline.AmlPipelineConnectorProvider;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkspaceAccessException;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.azure.AzureRoles;
import dev.custommodels.testkit.emulator.arm.CallerRole;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.io.PrintStream;
import java.util.List;

/**
 * Binds the Customer entity to an Azure Machine Learning pipeline endpoint and saves the workflow: discovery (an
 * ineligible pipeline is listed with its reason), the pipeline's contract, a binding chosen field by field, a save
 * refused for lack of rights on the workspace, and a save that grants the host's service principal Contributor.
 *
 * <p>It runs against the emulated Azure of the testkit, served over loopback.
 */
public final class PipelineWorkflowExample {
    private static final String PIPELINES = AmlPipelineConnectorProvider.NAME;

    private PipelineWorkflowExample() {
    }

    /**
     * Runs the example against emulated Azure.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (CustomModelsTestEnvironment azure = CustomModelsTestEnvironment.builder().loopback(true).build()) {
            run(azure, System.out);
        }
    }

    /**
     * Runs the example.
     *
     * @param azure the emulated Azure
     * @param out where to print
     * @return the saved workflow
     */
    public static Workflow run(CustomModelsTestEnvironment azure, PrintStream out) {
        CustomModelsClient client = azure.clientBuilder()
                .entityCatalog(EntityCatalog.of(SampleEntities.customers(1_000)))
                .buildClient();
        String tenant = azure.tenantId();

        // 1. Discover the tenant's workspaces and their pipelines, usable or not.
        ServiceInfo churn = null;
        for (WorkspaceInfo workspace : client.listWorkspaces(PIPELINES, tenant)) {
            out.printf("Workspace %s (%s, %s)%n", workspace.name(), workspace.group(), workspace.region());
            for (ServiceInfo service : client.listServices(PIPELINES, tenant, workspace.id())) {
                out.printf("  %-20s %s%n", service.name(),
                        service.isEligible() ? "eligible" : "not eligible: " + service.ineligibleReason());
                churn = service.isEligible() && churn == null ? service : churn;
            }
        }

        // 2. Describe it: the input's columns and the pipeline's parameters.
        ServiceContract contract = client.describeService(churn.model());
        out.printf("Pipeline endpoint %s:%n", churn.name());
        contract.inputs().forEach(input -> input.fields().forEach(field ->
                out.printf("  input %s.%s: %s%n", input.name(), field.name(), field.type())));
        contract.parameters().forEach(p -> out.printf("  parameter %s = %s%n", p.name(), p.defaultValue()));

        // 3. Bind the Customer entity to the pipeline's input, field by field.
        InputBinding customers = new InputBinding("input_data", "Customer", List.of(
                FieldBinding.pin("CustomerId", "CustomerId"),
                FieldBinding.pin("SignupDate", "CustomerSince"),
                FieldBinding.pin("IsMember", "IsMember"),
                FieldBinding.pin("LoyaltyTier", "MembershipLevel"),
                FieldBinding.pin("AnnualIncome", "YearlyIncome"),
                FieldBinding.pin("TotalSpend", "TotalSpend"),
                FieldBinding.pin("Children", "NumberOfChildren")));
        WorkflowDefinition definition = WorkflowDefinition.of("Churn risk", churn.model(), List.of(customers),
                new OutputSettings("ChurnRisk", null, "output_datastore", "output_path"), "CustomerId");

        // 4. Saving needs Owner or User Access Administrator on the workspace: a Reader is refused.
        azure.arm().callerRole(CallerRole.READER);
        try {
            client.createWorkflow(definition);
        } catch (WorkspaceAccessException e) {
            out.println("Refused: " + e.getMessage());
        }

        // 5. An Owner saves it; saving granted the host's service principal Contributor on the workspace.
        azure.arm().callerRole(CallerRole.OWNER);
        Workflow workflow = client.createWorkflow(definition);
        azure.arm().roleAssignments().forEach(grant -> out.printf("Granted %s to service principal %s on %s%n",
                grant.roleId().equals(AzureRoles.CONTRIBUTOR) ? "Contributor" : grant.roleId(), grant.principalId(),
                grant.scope()));
        out.printf("Saved workflow '%s' (id %s)%n", workflow.displayName(), workflow.id());
        return workflow;
    }
}
