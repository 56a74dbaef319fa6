package dev.custommodels.examples;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plugs a custom connector into the client through the SPI: {@link LocalModelConnectorProvider} serves models that
 * score inside this JVM. The client discovers and describes them like any backend's, and saves a workflow.
 */
public final class CustomConnectorExample {
    private static final String LOCAL = LocalModelConnectorProvider.NAME;
    private static final String TENANT = "local";

    private CustomConnectorExample() {
    }

    /**
     * Runs the example with a new lake in a temporary directory.
     *
     * @param args not used
     * @throws IOException if the directory cannot be created
     */
    public static void main(String[] args) throws IOException {
        run(Files.createTempDirectory("custom-models-lake-"), System.out);
    }

    /**
     * Runs the example.
     *
     * @param lakeDirectory where the client keeps its state
     * @param out where to print
     * @return the saved workflow
     */
    public static Workflow run(Path lakeDirectory, PrintStream out) {
        // The provider is given to the builder; it wins over any of the same name on the class path.
        CustomModelsClient client = new CustomModelsClientBuilder()
                .lakeDirectory(lakeDirectory)
                .entityCatalog(EntityCatalog.of(SampleEntities.customers(1_000)))
                .connectorProvider(new LocalModelConnectorProvider(LocalModel.spendPropensity(),
                        new LocalModel("upsell", "customer", Map.of(), 0)))
                .buildClient();
        out.println("Connectors: " + client.listConnectors());

        // Discover its workspace and models, as for any backend.
        ModelReference model = null;
        for (WorkspaceInfo workspace : client.listWorkspaces(LOCAL, TENANT)) {
            for (ServiceInfo service : client.listServices(LOCAL, TENANT, workspace.id())) {
                out.printf("  %s / %s: %s%n", workspace.name(), service.name(),
                        service.isEligible() ? "eligible" : "not eligible: " + service.ineligibleReason());
                model = service.isEligible() ? service.model() : model;
            }
        }
        ServiceContract contract = client.describeService(model);
        contract.inputs().get(0).fields().forEach(f -> out.printf("  input field %s: %s%n", f.name(), f.type()));
        contract.outputs().get(0).columns().forEach(c -> out.printf("  output column %s: %s%n", c.name(), c.type()));

        // Bind the Customer entity and save; the connector's contract is stored with the workflow.
        InputBinding customers = new InputBinding("rows", "Customer", List.of(
                FieldBinding.pin("customer", "CustomerId"),
                FieldBinding.pin("spend", "TotalSpend"),
                FieldBinding.pin("income", "YearlyIncome"),
                FieldBinding.pin("children", "NumberOfChildren")));
        Workflow workflow = client.createWorkflow(WorkflowDefinition.of("Spend propensity", model,
                List.of(customers), OutputSettings.of("SpendPropensity"), "customer"));
        out.printf("Saved workflow '%s' (id %s) for %s%n", workflow.displayName(), workflow.id(),
                workflow.model().displayString());
        return workflow;
    }
}
