package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchDiscoveryTest {
    @TempDir
    Path dir;

    private BatchTestbed bed;

    @BeforeEach
    void setUp() {
        bed = new BatchTestbed(dir);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private Map<String, ServiceInfo> services() {
        return bed.connector().listServices(BatchTestbed.TENANT, bed.ws.id()).stream()
                .collect(Collectors.toMap(ServiceInfo::name, Function.identity()));
    }

    @Test
    void listsWorkspacesAsAzureMlFollowingNextLink() {
        List<WorkspaceInfo> workspaces = bed.connector().listWorkspaces(BatchTestbed.TENANT).stream().toList();
        assertThat(workspaces).extracting(WorkspaceInfo::name, WorkspaceInfo::group, WorkspaceInfo::region)
                .containsExactly(tuple("ml-churn", "Azure ML", "eastus"), tuple("ml-empty", "Azure ML", "eastus"));
    }

    @Test
    void followsNextLinkThroughEveryPageOfEndpointsAndDeployments() {
        Map<String, ServiceInfo> services = services();
        assertThat(services.keySet()).contains("churn-batch", "churn-batch/xgb", "churn-batch/xgb-script",
                "churn-batch/xgb-next", "churn-pipeline", "churn-pipeline/preprocess-and-score", "summary-batch",
                "creating-batch", "hello-pipeline", "nodefault-batch", "nodefault-batch/a", "custom-batch",
                "nosig-batch");
        // page size 1: eight endpoints take eight pages, three deployments three
        assertThat(bed.emulator.count("GET", ".*/workspaces/ml-churn/batchEndpoints")).isEqualTo(8);
        assertThat(bed.emulator.count("GET", ".*/batchEndpoints/churn-batch/deployments")).isEqualTo(3);
    }

    @Test
    void tellsTheDeploymentKindAndTheDefaultDeployment() {
        Map<String, ServiceInfo> services = services();
        ServiceInfo endpoint = services.get("churn-batch");
        assertThat(endpoint.model().serviceId()).isEqualTo("churn-batch");
        assertThat(endpoint.model().endpoint()).as("the default deployment is bound by leaving it out").isNull();
        assertThat(endpoint.kind()).isEqualTo("batch endpoint (model deployment)");
        assertThat(endpoint.isEligible()).isTrue();
        assertThat(services.get("churn-batch/xgb-script").model().endpoint()).isEqualTo("xgb-script");
        assertThat(services.get("churn-pipeline").kind()).isEqualTo("batch endpoint (pipeline component deployment)");
        assertThat(services.get("churn-pipeline/preprocess-and-score").isEligible()).isTrue();
        assertThat(services.get("custom-batch").isEligible()).isTrue();
    }

    @Test
    void listsUnusableEndpointsAndDeploymentsWithTheirReasons() {
        Map<String, ServiceInfo> services = services();
        assertThat(services.get("summary-batch").ineligibleReason()).contains("outputAction SummaryOnly")
                .contains("output folder");
        assertThat(services.get("summary-batch/custom-outputs").ineligibleReason()).contains("SummaryOnly");
        assertThat(services.get("creating-batch").ineligibleReason()).contains("not provisioned")
                .contains("Creating");
        assertThat(services.get("creating-batch/xgb").ineligibleReason()).contains("not provisioned");
        assertThat(services.get("churn-batch/xgb-next").ineligibleReason())
                .contains("Deployment 'xgb-next' is not provisioned (provisioningState Creating)");
        assertThat(services.get("hello-pipeline").ineligibleReason()).contains("has no data input");
        assertThat(services.get("nodefault-batch").ineligibleReason()).contains("no default deployment")
                .contains("[a]");
        assertThat(services.get("nodefault-batch/a").isEligible()).isTrue();
    }

    @Test
    void searchesEveryWorkspaceForAny() {
        List<ServiceInfo> all = bed.connector().listServices(BatchTestbed.TENANT, WorkspaceInfo.ANY).stream()
                .toList();
        assertThat(all).extracting(ServiceInfo::name).contains("churn-batch", "churn-pipeline");
        assertThat(all).allMatch(s -> s.model().workspaceId().equals(bed.ws.id()));
    }
}
