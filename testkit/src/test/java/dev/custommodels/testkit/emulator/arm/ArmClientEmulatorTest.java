package dev.custommodels.testkit.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.spi.azure.ArmDatastore;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.ArmPermission;
import dev.custommodels.spi.azure.ArmPermissions;
import dev.custommodels.spi.azure.ArmRoleAssignment;
import dev.custommodels.spi.azure.ArmSubscription;
import dev.custommodels.spi.azure.ArmWorkspace;
import dev.custommodels.spi.azure.AzureRoles;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.Emulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmClientEmulatorTest {
    private static final String TENANT = "tenant-a";
    private static final String OTHER_TENANT = "tenant-b";

    @TempDir
    Path dir;

    private ArmEmulator arm;
    private Emulator emulator;
    private EmulatedWorkspace ws1;
    private EmulatedWorkspace foreign;
    private LocalLakeStore blobStore;

    @BeforeEach
    void setUp() {
        blobStore = new LocalLakeStore(dir.resolve("blob"));
        arm = new ArmEmulator().pageSize(1)
                .subscription("sub-1", "Contoso One", TENANT)
                .subscription("sub-2", "Contoso Two", TENANT)
                .subscription("sub-x", "Fabrikam", OTHER_TENANT);
        ws1 = arm.workspace("sub-1", "rg", "ml-one", "eastus");
        arm.workspace("sub-1", "rg", "ml-two", "eastus");
        arm.workspace("sub-1", "rg2", "ml-three", "westus2");
        arm.workspace("sub-2", "rg", "ml-four", "westeurope");
        foreign = arm.workspace("sub-x", "rg", "ml-foreign", "eastus");
        arm.datastore(ws1.id(), "workspaceblobstore", "sa1", "azureml-blobstore-1", blobStore);
        emulator = Emulator.builder().service(arm).build();
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private ArmClient client(String tenant) {
        TestConnectorContext ctx = TestConnectorContext.builder().httpClient(emulator.httpClient())
                .lake(new LocalLakeStore(dir.resolve("lake")))
                .credential(TENANT, new FakeTokenCredential(TENANT))
                .credential(OTHER_TENANT, new FakeTokenCredential(OTHER_TENANT)).build();
        return ArmClient.create(ctx, tenant);
    }

    @Test
    void listsOnlyTheTenantsSubscriptionsFollowingNextLink() {
        List<ArmSubscription> subs = client(TENANT).listSubscriptions().stream().toList();
        assertThat(subs).extracting(ArmSubscription::subscriptionId).containsExactly("sub-1", "sub-2");
        assertThat(emulator.count("GET", "/subscriptions")).isEqualTo(2);
    }

    @Test
    void listsWorkspacesPageByPageAndAcrossSubscriptions() {
        ArmClient client = client(TENANT);
        assertThat(client.listWorkspaces("sub-1").stream().map(ArmWorkspace::name).toList())
                .containsExactly("ml-one", "ml-two", "ml-three");
        assertThat(emulator.count("GET", ".*/workspaces")).isEqualTo(3);
        assertThat(client.listWorkspaces().stream().map(ArmWorkspace::name).toList())
                .containsExactly("ml-one", "ml-two", "ml-three", "ml-four");
    }

    @Test
    void readsAWorkspaceWithADiscoveryUrlPointingAtTheEmulator() {
        ArmWorkspace w = client(TENANT).getWorkspace(ws1.id());
        assertThat(w.location()).isEqualTo("eastus");
        assertThat(w.discoveryUrl()).isEqualTo(Emulator.IN_PROCESS_BASE_URL + "/discovery/eastus");
        assertThat(w.resourceId().resourceGroup()).isEqualTo("rg");
        assertThat(client(TENANT).getText(w.discoveryUrl(), "discovery")).contains("\"api\"");
    }

    @Test
    void resolvesADatastoreToABlobLocationAndItsStore() {
        ArmDatastore d = client(TENANT).getDatastore(ws1.id(), "workspaceblobstore");
        BlobLocation location = d.blobLocation("in/data.csv");
        assertThat(location.endpoint()).isEqualTo("https://sa1.blob.core.windows.net");
        assertThat(location.container()).isEqualTo("azureml-blobstore-1");
        assertThat(arm.datastoreStore(location, TENANT)).isSameAs(blobStore);
        assertThatThrownBy(() -> arm.datastoreStore(location, OTHER_TENANT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(TENANT);
        assertThatThrownBy(() -> client(TENANT).getDatastore(ws1.id(), "nope"))
                .isInstanceOf(ArmException.class).hasMessageContaining("nope")
                .satisfies(e -> assertThat(((ArmException) e).getStatusCode()).isEqualTo(404));
    }

    @Test
    void permissionsFollowTheCallersRole() {
        assertThat(client(TENANT).getPermissions(ws1.id()).allows(ArmPermissions.ROLE_ASSIGNMENTS_WRITE)).isTrue();
        arm.callerRole(ws1.id(), CallerRole.CONTRIBUTOR);
        ArmPermissions contributor = client(TENANT).getPermissions(ws1.id());
        assertThat(contributor.allows(ArmPermissions.ROLE_ASSIGNMENTS_WRITE)).isFalse();
        assertThat(contributor.allows("Microsoft.MachineLearningServices/workspaces/write")).isTrue();
        arm.callerRole(ws1.id(), CallerRole.USER_ACCESS_ADMINISTRATOR);
        assertThat(client(TENANT).getPermissions(ws1.id()).allows(ArmPermissions.ROLE_ASSIGNMENTS_WRITE)).isTrue();
        arm.callerRole(ws1.id(), CallerRole.READER);
        ArmPermissions reader = client(TENANT).getPermissions(ws1.id());
        assertThat(reader.allows(ArmPermissions.ROLE_ASSIGNMENTS_WRITE)).isFalse();
        assertThat(reader.allows("Microsoft.MachineLearningServices/workspaces/read")).isTrue();
    }

    @Test
    void wildcardsMatchIgnoringCase() {
        assertThat(ArmPermission.matches("*", "a/b/write")).isTrue();
        assertThat(ArmPermission.matches("Microsoft.Authorization/*/Write",
                "microsoft.authorization/roleAssignments/write")).isTrue();
        assertThat(ArmPermission.matches("*/read", "Microsoft.X/y/write")).isFalse();
        assertThat(ArmPermission.matches("Microsoft.Authorization/*", "Microsoft.Authorizations/x")).isFalse();
    }

    @Test
    void createsARoleAssignmentOnceAndTreatsTheDuplicateAsSuccess() {
        ArmRoleAssignment first = client(TENANT).createRoleAssignment(ws1.id(), AzureRoles.CONTRIBUTOR, "sp-1",
                "ServicePrincipal");
        ArmRoleAssignment second = client(TENANT).createRoleAssignment(ws1.id(), AzureRoles.CONTRIBUTOR, "sp-1",
                "ServicePrincipal");
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(arm.roleAssignments()).singleElement().satisfies(r -> {
            assertThat(r.roleDefinitionId()).isEqualTo(AzureRoles.definitionId("sub-1", AzureRoles.CONTRIBUTOR));
            assertThat(r.principalType()).isEqualTo("ServicePrincipal");
        });
        assertThat(emulator.count("PUT", ".*/roleAssignments/.*")).isEqualTo(2);
    }

    @Test
    void aCallerWithoutRightsGetsATypedAuthorizationError() {
        arm.callerRole(CallerRole.READER);
        assertThatThrownBy(() -> client(TENANT).createRoleAssignment(ws1.id(), AzureRoles.CONTRIBUTOR, "sp-1",
                null)).isInstanceOfSatisfying(ArmException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getErrorCode()).isEqualTo("AuthorizationFailed");
                    assertThat(e.getRequestId()).isNotBlank();
                    assertThat(e.getMessage()).contains("roleAssignments/write");
                });
        assertThat(arm.roleAssignments()).isEmpty();
    }

    @Test
    void aTokenOfAnotherTenantIsRefused() {
        assertThatThrownBy(() -> client(TENANT).getWorkspace(foreign.id()))
                .isInstanceOfSatisfying(ArmException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo("InvalidAuthenticationTokenTenant");
                });
        assertThat(client(OTHER_TENANT).getWorkspace(foreign.id()).name()).isEqualTo("ml-foreign");
    }

    @Test
    void requestsWithoutATokenOrForAnotherAudienceAreRefused() {
        var noToken = arm.authorize(new dev.custommodels.testkit.emulator.EmulatorRequest("GET", "h", "/x", null,
                null, null), "sub-1", ArmEmulator.ARM_AUDIENCES);
        assertThat(noToken).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(401));
        String storageToken = FakeTokenCredential.token("https://storage.azure.com", TENANT);
        var wrongAudience = arm.authorize(new dev.custommodels.testkit.emulator.EmulatorRequest("GET", "h", "/x",
                null, java.util.Map.of("Authorization", "Bearer " + storageToken), null), "sub-1",
                ArmEmulator.ARM_AUDIENCES);
        assertThat(wrongAudience).hasValueSatisfying(r -> assertThat(r.bodyText())
                .contains("InvalidAuthenticationTokenAudience"));
    }
}
