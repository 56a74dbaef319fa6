package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingOptions;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.output.OutputRow;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow created, run, refreshed and queried through the public client, with the Studio (classic) connector
 * (request-response scoring) and the pipeline connector, against their emulators over loopback HTTP.
 */
class EndToEndThroughTheClientTest {
    private static final int CUSTOMERS = 3_000;

    @Test
    void pipelineAndStudioClassicWorkflowsRunRefreshAndAnswerCustomerIdQueries(@TempDir Path dir) throws Exception {
        EntityCatalog catalog = EntityCatalog.of(SampleEntities.customers(CUSTOMERS));
        try (CustomModelsTestEnvironment env = CustomModelsTestEnvironment.builder().loopback(true)
                .directory(dir).backend(new ChurnPipelineBackend()).build();
                Emulator studio = OtherBackends.studioClassic(CustomModelsTestEnvironment.TENANT_ID)) {
            CustomModelsClient client = env.clientBuilder().entityCatalog(catalog)
                    .option("studio-classic.armEndpoint", studio.baseUrl())
                    .option("studio-classic.managementEndpoint", studio.baseUrl())
                    .option("studio-classic.mode", "rrs").buildClient();

            ModelReference pipeline = env.model(ChurnPipelineBackend.ENDPOINT);
            Workflow churn = client.createWorkflow(WorkflowDefinition.of("Pipeline churn", pipeline,
                    List.of(new MappingEngineBuilder().buildEngine().propose(
                            client.describeService(pipeline).inputs().get(0), catalog.schemas(),
                            new MappingOptions().pin("region", "Customer.Country")).toInputBinding()),
                    new OutputSettings("PipelineChurn", null, "output_datastore", "output_path"), "CustomerId"));

            ModelReference classic = studioService(client, "Churn (classic)");
            Workflow rrs = client.createWorkflow(WorkflowDefinition.of("Classic churn", classic,
                    List.of(new InputBinding("input1", "Customer", List.of(FieldBinding.pin("CustomerId", "CustomerId"),
                            FieldBinding.pin("TotalSpend", "TotalSpend")))),
                    OutputSettings.of("ClassicChurn"), "CustomerId"));

            RunResult first = client.beginRun(rrs.id()).getFinalResult();
            assertThat(first.counts().committedRows()).isEqualTo(CUSTOMERS);
            assertThat(first.relation().matchedIds()).isEqualTo(CUSTOMERS);

            RefreshResult refresh = client.refresh();
            assertThat(refresh.isSuccessful()).as("%s", refresh).isTrue();
            assertThat(refresh.workflows()).hasSize(2);
            assertThat(client.listRuns(rrs.id()).stream().count()).isEqualTo(2);
            assertThat(client.listRuns(churn.id()).stream().count()).isEqualTo(1);

            String id = SampleEntities.customerId(1234);
            List<OutputRow> classicRow = client.getOutputEntityClient()
                    .query("ClassicChurn", "CustomerId eq '" + id + "'").stream().toList();
            assertThat(classicRow).singleElement().satisfies(r -> {
                assertThat(r.getString("CustomerId")).isEqualTo(id);
                assertThat(r.getDouble("Scored Probabilities")).isBetween(0.0, 1.0);
            });
            List<OutputRow> pipelineRow = client.getOutputEntityClient()
                    .query("PipelineChurn", "CustomerId eq '" + id + "' and ChurnScore ge 0").stream().toList();
            assertThat(pipelineRow).singleElement()
                    .satisfies(r -> assertThat(r.getDouble("ChurnScore")).isBetween(0.0, 1.0));
            assertThat(client.getOutputEntityClient().getCurrentVersion("ClassicChurn").rowCount())
                    .isEqualTo(CUSTOMERS);
        }
    }

    private static ModelReference studioService(CustomModelsClient client, String name) {
        String tenant = CustomModelsTestEnvironment.TENANT_ID;
        for (WorkspaceInfo ws : client.listWorkspaces("studio-classic", tenant)) {
            for (ServiceInfo s : client.listServices("studio-classic", tenant, ws.id())) {
                if (s.name().equals(name)) {
                    return s.model();
                }
            }
        }
        throw new AssertionError("No Studio (classic) service named " + name);
    }
}
