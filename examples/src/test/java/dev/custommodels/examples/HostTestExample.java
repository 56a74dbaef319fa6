package dev.custommodels.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.CustomModelsClient;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkspaceAccessException;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.arm.CallerRole;
import dev.custommodels.testkit.junit.CustomModelsTest;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host application's own test, written with the testkit's JUnit 5 extension: {@code @CustomModelsTest} starts
 * emulated Azure (a tenant, a workspace, an eligible and an ineligible pipeline endpoint, a lake) once for the
 * class, injects it and a pre-wired client builder, and stops it after the last test.
 */
@CustomModelsTest
class HostTestExample {
    /** Injected before each test, like the parameters below. */
    CustomModelsTestEnvironment azure;

    @Test
    void setsUpChurnScoringForANewTenant(CustomModelsClientBuilder builder) {
        ChurnSetup setup = new ChurnSetup(builder.entityCatalog(EntityCatalog.of(SampleEntities.customers(100)))
                .buildClient());

        String outcome = setup.enable(azure.tenantId(), azure.workspace().id());

        assertThat(outcome).startsWith("Churn scoring is on: workflow ");
        assertThat(azure.arm().roleAssignments()).singleElement()
                .satisfies(grant -> assertThat(grant.principalId()).isEqualTo(azure.servicePrincipalId()));
    }

    @Test
    void explainsWhatIsMissingWhenTheAdminLacksRights(CustomModelsClientBuilder builder) {
        azure.arm().callerRole(CallerRole.READER); // reset to Owner before the next test
        ChurnSetup setup = new ChurnSetup(builder.entityCatalog(EntityCatalog.of(SampleEntities.customers(100)))
                .buildClient());

        String outcome = setup.enable(azure.tenantId(), azure.workspace().id());

        assertThat(outcome).startsWith("Ask an Azure admin for Owner or User Access Administrator on");
        assertThat(azure.emulator().count("PUT", ".*/roleAssignments/.*")).isZero();
    }

    @Test
    void ridesOutThrottlingOfThePipelineList(CustomModelsClientBuilder builder) {
        azure.emulator().faults().on("GET", ".*/PipelineEndpoints", FaultPlan.script(Fault.tooManyRequests(0)));
        CustomModelsClient client = builder.entityCatalog(EntityCatalog.of(SampleEntities.customers(10)))
                .buildClient();

        List<ServiceInfo> services = client.listServices("aml-pipeline", azure.tenantId(), azure.workspace().id())
                .stream().toList();

        assertThat(services).filteredOn(ServiceInfo::isEligible).hasSize(1);
        assertThat(azure.emulator().requests()).anyMatch(r -> r.status() == 429);
    }

    /** The host's code under test: turns on churn scoring for a customer's Azure workspace. */
    static final class ChurnSetup {
        private final CustomModelsClient client;

        ChurnSetup(CustomModelsClient client) {
            this.client = client;
        }

        String enable(String tenantId, String workspaceId) {
            ServiceInfo pipeline = client.listServices("aml-pipeline", tenantId, workspaceId).stream()
                    .filter(ServiceInfo::isEligible).findFirst().orElseThrow();
            InputBinding customers = new InputBinding("input_data", "Customer", List.of(
                    FieldBinding.pin("CustomerId", "CustomerId"), FieldBinding.pin("SignupDate", "CustomerSince"),
                    FieldBinding.pin("IsMember", "IsMember"), FieldBinding.pin("LoyaltyTier", "MembershipLevel"),
                    FieldBinding.pin("AnnualIncome", "YearlyIncome"), FieldBinding.pin("TotalSpend", "TotalSpend"),
                    FieldBinding.pin("Children", "NumberOfChildren")));
            try {
                String id = client.createWorkflow(WorkflowDefinition.of("Churn", pipeline.model(), List.of(customers),
                        new OutputSettings("Churn", null, "output_datastore", "output_path"), "CustomerId")).id();
                return "Churn scoring is on: workflow " + id;
            } catch (WorkspaceAccessException e) {
                return "Ask an Azure admin for " + e.getRequiredRole() + " on " + e.getWorkspaceId();
            }
        }
    }
}
