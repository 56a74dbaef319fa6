package dev.custommodels.connectors.batch.implementation;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.connectors.batch.BatchEndpointConnectorProvider;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists a workspace's batch endpoints as services: one entry for each endpoint (its default deployment) and one
 * for each deployment, each with the reason it cannot be used, if any.
 */
final class ServiceLister {
    private final Eligibility eligibility;

    ServiceLister(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    PagedIterable<ServiceInfo> list(BatchArm arm, String tenantId, String workspaceId) {
        java.util.function.Function<String, PagedResponse<ServiceInfo>> page = nextLink -> {
            PagedResponse<EndpointInfo> endpoints = arm.endpointPage(workspaceId, nextLink);
            List<ServiceInfo> services = new ArrayList<>();
            for (EndpointInfo e : endpoints.getValue()) {
                services.addAll(services(arm, tenantId, workspaceId, e));
            }
            return new PagedResponseBase<Void, ServiceInfo>(endpoints.getRequest(), 200, null, services,
                    endpoints.getContinuationToken(), null);
        };
        return new PagedIterable<>(() -> page.apply(null), page);
    }

    private List<ServiceInfo> services(BatchArm arm, String tenantId, String workspaceId, EndpointInfo e) {
        List<ServiceInfo> out = new ArrayList<>();
        Optional<String> endpointReason = Eligibility.endpointReason(e);
        List<DeploymentInfo> deployments = arm.listDeployments(workspaceId, e.name());
        DeploymentInfo byDefault = deployments.stream().filter(d -> d.name().equalsIgnoreCase(
                String.valueOf(e.defaultDeployment()))).findFirst().orElse(null);
        String reason;
        String kind;
        if (endpointReason.isPresent()) {
            reason = endpointReason.get();
            kind = kind(byDefault);
        } else if (byDefault == null) {
            reason = deployments.isEmpty() ? "The batch endpoint has no deployment."
                    : "The batch endpoint has no default deployment; bind one of its deployments by name: "
                            + deployments.stream().map(DeploymentInfo::name).toList() + ".";
            kind = kind(null);
        } else {
            reason = eligibility.deploymentReason(arm, byDefault).orElse(null);
            kind = kind(byDefault);
        }
        out.add(new ServiceInfo(reference(tenantId, workspaceId, e.name(), null), e.name(), kind, reason));
        for (DeploymentInfo d : deployments) {
            String r = endpointReason.orElseGet(() -> eligibility.deploymentReason(arm, d).orElse(null));
            out.add(new ServiceInfo(reference(tenantId, workspaceId, e.name(), d.name()), e.name() + "/" + d.name(),
                    kind(d), r));
        }
        return out;
    }

    private static String kind(DeploymentInfo d) {
        return d == null ? "batch endpoint" : "batch endpoint (" + d.kind().label() + ")";
    }

    private static ModelReference reference(String tenantId, String workspaceId, String endpoint, String deployment) {
        return new ModelReference(BatchEndpointConnectorProvider.NAME, tenantId, workspaceId, endpoint, deployment);
    }
}
