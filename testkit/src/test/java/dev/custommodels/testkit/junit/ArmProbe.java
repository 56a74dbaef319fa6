package dev.custommodels.testkit.junit;

import com.azure.core.http.rest.PagedIterable;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ConnectorProvider;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.azure.ArmClient;
import java.util.List;

/**
 * A connector that lists workspaces through ARM and keeps the context its client gave it, to check what a
 * pre-wired builder hands its connectors.
 */
final class ArmProbe implements ConnectorProvider {
    static final String NAME = "arm-probe";
    volatile ConnectorContext context;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(ConnectorContext ctx) {
        this.context = ctx;
        return new Connector() {
            @Override
            public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
                return ArmClient.create(ctx, tenantId).listWorkspaces()
                        .mapPage(w -> new WorkspaceInfo(w.id(), w.name(), tenantId, "Azure ML", w.location()));
            }

            @Override
            public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ServiceContract describeService(ModelReference model) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JobHandle submit(JobRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JobStatus poll(JobHandle handle) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void cancel(JobHandle handle) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> collect(JobHandle handle, String outputPrefix) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
