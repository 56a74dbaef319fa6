package dev.custommodels.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.WorkspaceAccessException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.AzureRoles;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.TestConnectorContext;
import dev.custommodels.testkit.emulator.arm.CallerRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmlPipelineAccessTest {
    @TempDir
    Path dir;

    private PipelineTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new PipelineTestBed(dir, false);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void anOwnerGrantsTheServicePrincipalContributorOnTheWorkspace() {
        bed.connector().prepareAccess(bed.model(bed.churnEndpoint));
        assertThat(bed.arm.roleAssignments()).singleElement().satisfies(r -> {
            assertThat(r.principalId()).isEqualTo(PipelineTestBed.SP);
            assertThat(r.principalType()).isEqualTo("ServicePrincipal");
            assertThat(r.scope()).isEqualTo(bed.workspace.id());
            assertThat(r.roleDefinitionId()).isEqualTo(AzureRoles.definitionId("sub-home", AzureRoles.CONTRIBUTOR));
        });
    }

    @Test
    void anExistingAssignmentCountsAsSuccess() {
        bed.connector().prepareAccess(bed.model(bed.churnEndpoint));
        bed.connector().prepareAccess(bed.model(bed.churnEndpoint));
        assertThat(bed.emulator.requests()).filteredOn(r -> r.request().method().equals("PUT"))
                .extracting(r -> r.status()).containsExactly(201, 409);
        assertThat(bed.arm.roleAssignments()).hasSize(1);
    }

    @Test
    void aUserAccessAdministratorMayGrantToo() {
        bed.arm.callerRole(bed.workspace.id(), CallerRole.USER_ACCESS_ADMINISTRATOR);
        bed.connector().prepareAccess(bed.model(bed.churnEndpoint));
        assertThat(bed.arm.roleAssignments()).hasSize(1);
    }

    @Test
    void aCallerWithoutRightsIsToldWhichRoleIsMissingWhereAndWhy() {
        bed.arm.callerRole(CallerRole.READER);
        assertThatThrownBy(() -> bed.connector().prepareAccess(bed.model(bed.churnEndpoint)))
                .isInstanceOfSatisfying(WorkspaceAccessException.class, e -> {
                    assertThat(e.getRequiredRole()).isEqualTo("Owner or User Access Administrator");
                    assertThat(e.getWorkspaceId()).isEqualTo(bed.workspace.id());
                    assertThat(e.getRequiredAction()).isEqualTo("Microsoft.Authorization/roleAssignments/write");
                    assertThat(e.getMessage()).contains("Owner or User Access Administrator")
                            .contains("'ml-churn'").contains("without your credentials").contains(PipelineTestBed.SP);
                });
        assertThat(bed.emulator.count("PUT", ".*")).isZero();
        assertThat(bed.arm.roleAssignments()).isEmpty();
    }

    @Test
    void aContributorCannotGrantEither() {
        bed.arm.callerRole(bed.workspace.id(), CallerRole.CONTRIBUTOR);
        assertThatThrownBy(() -> bed.connector().prepareAccess(bed.model(bed.churnEndpoint)))
                .isInstanceOf(WorkspaceAccessException.class);
    }

    @Test
    void withoutAServicePrincipalOptionSavingFailsNamingTheOption() {
        Connector connector = new AmlPipelineConnectorProvider().create(TestConnectorContext.builder()
                .httpClient(bed.emulator.httpClient()).lake(bed.lake)
                .credential(PipelineTestBed.HOME, bed.homeCredential).build());
        assertThatThrownBy(() -> connector.prepareAccess(bed.model(bed.churnEndpoint)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID);
        assertThat(bed.emulator.requests()).isEmpty();
    }

    @Test
    void aWorkspaceInAnotherTenantIsServedWithThatTenantsCredential() {
        bed.connector().prepareAccess(bed.partnerModel());
        assertThat(bed.arm.roleAssignments()).singleElement()
                .satisfies(r -> assertThat(r.scope()).isEqualTo(bed.partnerWorkspace.id()));
        assertThat(bed.partnerCredential.requestedScopes()).contains("https://management.azure.com/.default");
        assertThat(bed.homeCredential.requestedScopes()).isEmpty();
    }

    @Test
    void theHomeTenantsCredentialIsRefusedByAWorkspaceOfAnotherTenant() {
        Connector homeOnly = bed.connector(b -> b.credential(PipelineTestBed.PARTNER,
                new FakeTokenCredential(PipelineTestBed.HOME)));
        assertThatThrownBy(() -> homeOnly.prepareAccess(bed.partnerModel()))
                .isInstanceOfSatisfying(ArmException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo("InvalidAuthenticationTokenTenant");
                });
    }

    @Test
    void aTenantWithoutCredentialIsNamed() {
        Connector connector = new AmlPipelineConnectorProvider().create(TestConnectorContext.builder()
                .httpClient(bed.emulator.httpClient()).lake(bed.lake)
                .credential(PipelineTestBed.HOME, bed.homeCredential)
                .option(AmlPipelineOptions.SERVICE_PRINCIPAL_OBJECT_ID, PipelineTestBed.SP).build());
        assertThatThrownBy(() -> connector.prepareAccess(bed.partnerModel()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PipelineTestBed.PARTNER);
    }
}
