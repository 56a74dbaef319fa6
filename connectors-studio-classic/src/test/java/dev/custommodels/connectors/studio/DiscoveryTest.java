package dev.custommodels.connectors.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.testkit.FakeTokenCredential;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
    @TempDir
    Path dir;
    StudioTestbed bed;
    Connector connector;

    @BeforeEach
    void setUp() throws Exception {
        bed = StudioTestbed.builder(dir).build();
        bed.studio.armPageSize(1);
        connector = bed.newConnector();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private ServiceInfo named(List<ServiceInfo> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + services));
    }

    @Test
    void listsClassicWorkspacesOfEverySubscriptionOfTheTenantFollowingNextLinks() {
        List<WorkspaceInfo> workspaces = connector.listWorkspaces(StudioTestbed.TENANT).stream().toList();
        assertThat(workspaces).extracting(WorkspaceInfo::name)
                .containsExactlyInAnyOrder("churn-ws", "empty-ws", "marketing-ws");
        assertThat(workspaces).allSatisfy(w -> {
            assertThat(w.group()).isEqualTo("Studio (classic)");
            assertThat(w.tenantId()).isEqualTo(StudioTestbed.TENANT);
        });
        assertThat(workspaces).filteredOn(w -> w.name().equals("marketing-ws")).singleElement()
                .satisfies(w -> {
                    assertThat(w.id()).isEqualTo(bed.marketingWs.armId());
                    assertThat(w.region()).isEqualTo("westeurope");
                });
        assertThat(bed.emulator.count(r -> r.path().endsWith("/workspaces")
                && r.queryParam("$skiptoken").isPresent())).as("nextLink pages followed").isPositive();
        assertThat(connector.listWorkspaces(StudioTestbed.OTHER_TENANT).stream().map(WorkspaceInfo::name))
                .containsExactly("other-ws");
    }

    @Test
    void armCallsUseTheArmAudienceAndTheWorkspaceKeysAuthorizeTheManagementApi() {
        FakeTokenCredential credential = new FakeTokenCredential(StudioTestbed.TENANT);
        Connector c = new StudioClassicConnectorProvider().create(dev.custommodels.testkit.TestConnectorContext
                .builder().httpClient(bed.emulator.httpClient()).lake(bed.lake)
                .credential(StudioTestbed.TENANT, credential).build());
        c.listServices(StudioTestbed.TENANT, bed.churnWs.armId()).stream().toList();
        assertThat(credential.requestedScopes()).containsOnly("https://management.azure.com/.default");
        assertThat(bed.emulator.count("POST", ".*/workspaces/churn-ws/listWorkspaceKeys")).isEqualTo(1);
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().startsWith("/workspaces/"
                + bed.churnWs.workspaceId() + "/webservices")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void listsUsableServicesAndGivesTheReasonForEachUnusableOne() {
        List<ServiceInfo> services = connector.listServices(StudioTestbed.TENANT, bed.churnWs.armId()).stream()
                .toList();
        assertThat(services).extracting(ServiceInfo::name).containsExactlyInAnyOrder("Churn", "Broken deployment",
                "Trainer", "Geo model", "arm-churn");
        ServiceInfo churn = named(services, "Churn");
        assertThat(churn.isEligible()).isTrue();
        assertThat(churn.kind()).isEqualTo("web service (request-response and batch)");
        assertThat(churn.model()).isEqualTo(bed.model(bed.churn));
        assertThat(named(services, "Broken deployment").ineligibleReason()).contains("no API location");
        assertThat(named(services, "Trainer").ineligibleReason()).contains("no web service input");
        assertThat(named(services, "Geo model").ineligibleReason())
                .contains("inputs[input1].fields[location]").contains("'object'");
        ServiceInfo arm = named(services, "arm-churn");
        assertThat(arm.isEligible()).isTrue();
        assertThat(arm.kind()).startsWith("ARM web service");
        assertThat(arm.model().serviceId()).isEqualTo(bed.armChurn.armId());
    }

    @Test
    void anySearchesEveryClassicWorkspaceOfTheTenantAndEveryArmWebService() {
        List<ServiceInfo> services = connector.listServices(StudioTestbed.TENANT, WorkspaceInfo.ANY).stream()
                .toList();
        assertThat(services).extracting(ServiceInfo::name).contains("Churn", "Upsell", "arm-churn", "arm-orphan")
                .doesNotContain("Foreign");
        assertThat(named(services, "Upsell").model().workspaceId()).isEqualTo(bed.marketingWs.armId());
        assertThat(named(services, "Upsell").kind()).isEqualTo("web service (request-response)");
        assertThat(named(services, "arm-orphan").model().workspaceId()).isEqualTo(WorkspaceInfo.ANY);
        assertThat(services.stream().filter(s -> s.name().equals("arm-churn"))).hasSize(1);
    }

    @Test
    void aServiceCanBeDescribedThroughAnyOrAWorkspaceGuidOrName() {
        Connector fresh = bed.newConnector();
        ModelReference viaAny = new ModelReference("studio-classic", StudioTestbed.TENANT, WorkspaceInfo.ANY,
                bed.upsell.serviceId(), null);
        assertThat(fresh.describeService(viaAny).inputs()).hasSize(1);
        ModelReference viaGuid = new ModelReference("studio-classic", StudioTestbed.TENANT,
                bed.churnWs.workspaceId(), bed.churn.serviceId(), null);
        assertThat(fresh.describeService(viaGuid).inputs().get(0).fields()).hasSize(4);
        ModelReference viaName = new ModelReference("studio-classic", StudioTestbed.TENANT, "marketing-ws",
                bed.upsell.serviceId(), null);
        assertThat(fresh.describeService(viaName).parameters()).hasSize(1);
    }

    @Test
    void managementCallsGoToTheWorkspacesRegionalHost() {
        connector.describeService(bed.model(bed.upsell));
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().path().contains("/webservices/"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.request().host())
                        .isEqualTo("europewest.management.azureml.net"));
    }

    @Test
    void otherTenantsWorkspacesAreNotReachableWithThisTenantsToken() {
        ModelReference foreign = new ModelReference("studio-classic", StudioTestbed.TENANT,
                bed.otherTenantWs.armId(), bed.otherTenantWs.services().get(0).serviceId(), null);
        assertThatThrownBy(() -> connector.describeService(foreign)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("InvalidAuthenticationTokenTenant");
    }

    @Test
    void anUnknownWorkspaceIsNamedWithTheWorkspacesThatExist() {
        ModelReference missing = new ModelReference("studio-classic", StudioTestbed.TENANT, "nope-ws",
                bed.churn.serviceId(), null);
        assertThatThrownBy(() -> connector.describeService(missing)).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("nope-ws").hasMessageContaining("churn-ws");
    }

    @Test
    void anEndpointThatDoesNotExistIsNamed() {
        ModelReference ref = new ModelReference("studio-classic", StudioTestbed.TENANT, bed.churnWs.armId(),
                bed.churn.serviceId(), "canary");
        assertThatThrownBy(() -> connector.describeService(ref)).hasMessageContaining("no endpoint 'canary'");
    }
}
