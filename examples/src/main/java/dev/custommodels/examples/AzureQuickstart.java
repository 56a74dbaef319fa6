package dev.custommodels.examples;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.CsvEntitySource;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.models.ModelInput;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The quickstart against real Azure: the same discovery and mapping steps with a {@code DefaultAzureCredential}.
 * It lists what the tenant holds and proposes a mapping for the first usable model; it saves and runs nothing,
 * since that grants roles and spends compute in the caller's subscription. Compiled and reviewed; not run in CI.
 */
final class AzureQuickstart {
    private AzureQuickstart() {
    }

    static void run(PrintStream out) {
        AzureSettings settings = AzureSettings.fromEnvironment(System.getenv());
        EntitySource customers = settings.customersCsv() == null ? SampleEntities.customers(Quickstart.CUSTOMERS)
                : CsvEntitySource.of(SampleEntities.CUSTOMER, Path.of(settings.customersCsv()));
        CustomModelsClientBuilder builder = new CustomModelsClientBuilder()
                .lakeDirectory(Path.of(settings.lakeDirectory()))
                .entityCatalog(EntityCatalog.of(customers))
                .credential(new DefaultAzureCredentialBuilder().tenantId(settings.tenantId()).build());
        if (settings.servicePrincipalId() != null) {
            builder.option("aml-pipeline.servicePrincipalObjectId", settings.servicePrincipalId());
        }
        CustomModelsClient client = builder.buildClient();
        ServiceInfo first = null;
        for (String connector : client.listConnectors()) {
            for (WorkspaceInfo ws : client.listWorkspaces(connector, settings.tenantId())) {
                out.println("[" + ws.group() + "] " + ws.name() + " (" + connector + ")");
                for (ServiceInfo s : client.listServices(connector, settings.tenantId(), ws.id())) {
                    out.println("    " + s.name() + " <" + s.kind() + ">"
                            + (s.isEligible() ? "" : " cannot be used: " + s.ineligibleReason()));
                    if (first == null && s.isEligible()) {
                        first = s;
                    }
                }
            }
        }
        if (first == null) {
            out.println("No usable model found in tenant " + settings.tenantId() + ".");
            return;
        }
        ModelInput input = client.describeService(first.model()).inputs().get(0);
        MappingProposal proposal = new MappingEngineBuilder().buildEngine().propose(input,
                EntityCatalog.of(customers));
        out.println("Proposed mapping for " + first.name() + ":");
        MappingTable.print(out, proposal);
    }
}
