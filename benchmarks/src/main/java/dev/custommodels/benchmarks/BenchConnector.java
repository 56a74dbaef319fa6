package dev.custommodels.benchmarks;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.util.List;
import java.util.Map;

/**
 * The connector of the export workload: one model whose input takes every attribute of {@link BenchCustomers}
 * under its own name. The workload stops each run after its export, so the job methods are never reached in
 * earnest.
 */
final class BenchConnector implements ConnectorProvider, Connector {
    static final String NAME = "bench";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(ConnectorContext context) {
        return this;
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return page(List.of(new WorkspaceInfo("ws", "bench", tenantId, "Azure ML", "westeurope")));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        return page(List.of());
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        List<ModelField> fields = BenchCustomers.SCHEMA.attributes().stream()
                .map((Attribute a) -> ModelField.of(a.name(), a.type())).toList();
        return new ServiceContract(List.of(ModelInput.of("input1", fields)), List.of(),
                List.of(new ModelOutput("output1", List.of())));
    }

    @Override
    public JobHandle submit(JobRequest request) {
        return new JobHandle(NAME, "job-" + request.runId(), Map.of());
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        return JobStatus.failed("Failed", "NotSupported", "The export workload runs no jobs.");
    }

    @Override
    public void cancel(JobHandle handle) {
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        return List.of();
    }

    private static <T> PagedIterable<T> page(List<T> items) {
        return new PagedIterable<>(() -> new PagedResponseBase<Void, T>(null, 200, null, items, null, null));
    }
}
