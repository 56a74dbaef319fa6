package dev.custommodels.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.InMemoryEntitySource;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.spi.azure.ArmDatastore;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

@CustomModelsTest
class CustomModelsExtensionTest {
    private static final EntityCatalog CATALOG = EntityCatalog.of(InMemoryEntitySource.of(new EntitySchema(
            "Customer", List.of(Attribute.of("CustomerId", DataType.STRING)), "CustomerId"), List.of()));

    CustomModelsTestEnvironment environmentField;
    CustomModelsClientBuilder builderField;

    private static CustomModelsClient client(CustomModelsClientBuilder builder, ArmProbe probe) {
        return builder.entityCatalog(CATALOG).connectorProvider(probe).buildClient();
    }

    @Test
    void injectsTheClassesEnvironmentAndANewBuilderIntoParametersAndFields(CustomModelsTestEnvironment azure,
            CustomModelsClientBuilder builder) {
        assertThat(environmentField).isSameAs(azure);
        assertThat(builderField).isNotNull().isNotSameAs(builder);
        assertThat(azure.isLoopback()).isFalse();
        assertThat(azure.baseUrl()).isEqualTo(Emulator.IN_PROCESS_BASE_URL);
        assertThat(Files.isDirectory(azure.lakeDirectory().getParent())).isTrue();
    }

    @Test
    void aClientFromTheBuilderReachesTheSeededWorkspaceWithTheTenantsCredential(CustomModelsTestEnvironment azure,
            CustomModelsClientBuilder builder) {
        List<WorkspaceInfo> workspaces = client(builder, new ArmProbe())
                .listWorkspaces(ArmProbe.NAME, azure.tenantId()).stream().toList();
        assertThat(workspaces).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(azure.workspace().id());
            assertThat(w.name()).isEqualTo(CustomModelsTestEnvironment.WORKSPACE_NAME);
            assertThat(w.region()).isEqualTo(CustomModelsTestEnvironment.REGION);
        });
        assertThat(azure.credential().requestedScopes()).contains("https://management.azure.com/.default");
        assertThat(azure.emulator().count("GET", "/subscriptions")).isEqualTo(1);
    }

    @Test
    void connectorsGetTheServicePrincipalTheDatastoresAndNoPollWait(CustomModelsTestEnvironment azure,
            CustomModelsClientBuilder builder) {
        ArmProbe probe = new ArmProbe();
        client(builder, probe).listWorkspaces(ArmProbe.NAME, azure.tenantId()).stream().count();
        ConnectorContext context = probe.context;
        assertThat(context.option(AmlPipelineBackend.SERVICE_PRINCIPAL_OPTION))
                .hasValue(CustomModelsTestEnvironment.SERVICE_PRINCIPAL_ID);
        assertThat(context.option(ArmClient.ENDPOINT_OPTION)).as("in process, the default host is served").isEmpty();
        assertThat(context.pollInterval()).isZero();
        ArmDatastore datastore = ArmClient.create(context, azure.tenantId()).getDatastore(azure.workspace().id(),
                CustomModelsTestEnvironment.DATASTORE_NAME);
        LakeStore store = context.datastore(datastore.blobLocation(""), azure.tenantId());
        assertThat(new String(store.readAll(AmlPipelineBackend.SAMPLE_INPUT_PATH), StandardCharsets.UTF_8))
                .startsWith("CustomerId,SignupDate,IsMember,LoyaltyTier,AnnualIncome,TotalSpend,Children");
        assertThat(store).isSameAs(azure.datastore());
    }

    @Test
    void faultsInjectedInTheEmulatorReachTheClientWhichRetriesWithoutDelay(CustomModelsTestEnvironment azure,
            CustomModelsClientBuilder builder) {
        azure.emulator().faults().on("GET", "/subscriptions", FaultPlan.script(Fault.serviceUnavailable()));
        long started = System.nanoTime();
        assertThat(client(builder, new ArmProbe()).listWorkspaces(ArmProbe.NAME, azure.tenantId()).stream())
                .hasSize(1);
        assertThat(azure.emulator().count("GET", "/subscriptions")).isEqualTo(2);
        assertThat(System.nanoTime() - started).as("no backoff wait").isLessThan(5_000_000_000L);
    }

    @Test
    void seedsAnEligibleAndAnIneligiblePipelineModelInTheWorkspace(CustomModelsTestEnvironment azure) {
        assertThat(azure.models()).containsOnlyKeys(AmlPipelineBackend.SCORING_ENDPOINT,
                AmlPipelineBackend.INELIGIBLE_ENDPOINT);
        ModelReference scoring = azure.model(AmlPipelineBackend.SCORING_ENDPOINT);
        assertThat(scoring.connector()).isEqualTo(AmlPipelineBackend.CONNECTOR);
        assertThat(scoring.tenantId()).isEqualTo(CustomModelsTestEnvironment.TENANT_ID);
        assertThat(scoring.workspaceId()).isEqualTo(azure.workspace().id());
        assertThat(scoring.serviceId()).isNotEqualTo(azure.model(AmlPipelineBackend.INELIGIBLE_ENDPOINT).serviceId());
        assertThat(azure.backend(AmlPipelineBackend.class).pipelines().runs()).isEmpty();
        assertThat(azure.backends()).singleElement().isInstanceOf(AmlPipelineBackend.class);
    }

    @Test
    void unknownNamesAreAnsweredWithWhatExists(CustomModelsTestEnvironment azure) {
        assertThatThrownBy(() -> azure.model("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining(AmlPipelineBackend.SCORING_ENDPOINT);
        assertThatThrownBy(() -> azure.backend(OtherBackend.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AmlPipelineBackend");
    }

    /** A backend that is not installed. */
    static final class OtherBackend implements EmulatedBackend {
        @Override
        public String connector() {
            return "other";
        }

        @Override
        public void install(BackendSetup setup) {
        }
    }
}
