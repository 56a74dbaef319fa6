package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.connectors.pipeline.AmlPipelineOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.spi.azure.ArmDatastore;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.ArmWorkspace;
import dev.custommodels.spi.azure.BearerTokenPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one connector instance keeps: an ARM client per tenant, the API host of each workspace, and the resolved
 * endpoints. Every credential comes from {@link ConnectorContext#credential(String)} of the model's tenant.
 */
final class Session {
    static final String ML_SCOPE = "https://ml.azure.com/.default";
    private static final ClientLogger LOGGER = new ClientLogger(Session.class);

    final ConnectorContext context;
    private final Map<String, ArmClient> armClients = new ConcurrentHashMap<>();
    private final Map<String, HttpPipeline> mlPipelines = new ConcurrentHashMap<>();
    private final Map<String, HttpPipeline[]> oncePipelines = new ConcurrentHashMap<>();
    private final Map<String, String> apiBases = new ConcurrentHashMap<>();

    /** An endpoint with its default pipeline (or {@code null}) and the API that serves it. */
    record Resolved(WorkspaceApi api, EndpointInfo endpoint, PipelineInfo pipeline) {
    }

    Session(ConnectorContext context) {
        this.context = context;
    }

    ArmClient arm(String tenantId) {
        return armClients.computeIfAbsent(tenantId, t -> ArmClient.create(context, t));
    }

    /** The API of a workspace, its host read from the workspace's discovery document. */
    WorkspaceApi api(String tenantId, String workspaceId) {
        String base = apiBases.computeIfAbsent(tenantId + "|" + workspaceId.toLowerCase(java.util.Locale.ROOT),
                k -> context.option(AmlPipelineOptions.API_ENDPOINT).orElseGet(() -> discover(tenantId, workspaceId)));
        return api(tenantId, workspaceId, base);
    }

    /** The API of a workspace at a known host, without any ARM call (for handles). */
    WorkspaceApi api(String tenantId, String workspaceId, String apiBase) {
        HttpPipeline ml = mlPipelines.computeIfAbsent(tenantId, t -> context.pipeline(
                new BearerTokenPolicy(context.credential(t), ML_SCOPE, t)));
        HttpPipeline[] once = oncePipelines.computeIfAbsent(tenantId, t -> new HttpPipeline[] {
            withoutRetry(new BearerTokenPolicy(context.credential(t), armAudience() + "/.default", t)),
            withoutRetry(new BearerTokenPolicy(context.credential(t), ML_SCOPE, t))});
        return new WorkspaceApi(arm(tenantId).pipeline(), ml, once, apiBase, workspaceId);
    }

    private String armAudience() {
        String a = context.option(ArmClient.AUDIENCE_OPTION).orElse(ArmClient.DEFAULT_AUDIENCE);
        return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    }

    private HttpPipeline withoutRetry(BearerTokenPolicy auth) {
        return new HttpPipelineBuilder().httpClient(context.httpClient()).policies(auth).build();
    }

    private String discover(String tenantId, String workspaceId) {
        ArmWorkspace ws = arm(tenantId).getWorkspace(workspaceId);
        if (ws.discoveryUrl() != null) {
            try {
                JsonNode services = Json.parse(arm(tenantId).getText(ws.discoveryUrl(),
                        "Reading the discovery document of workspace '" + ws.name() + "'"));
                String api = Json.text(services, "api");
                if (api != null && !api.isBlank()) {
                    return api;
                }
            } catch (ArmException e) {
                LOGGER.warning("Discovery of workspace {} failed ({}); falling back to the regional host.",
                        ws.name(), e.getStatusCode());
            }
        }
        if (ws.location() == null) {
            throw new CustomModelsException("Workspace '" + workspaceId + "' has neither a discovery URL nor a"
                    + " location; set the option " + AmlPipelineOptions.API_ENDPOINT + ".");
        }
        return "https://" + ws.location() + ".api.azureml.ms";
    }

    /** Resolves an endpoint by id (or name) and its default pipeline; fails naming what exists. */
    Resolved resolve(String tenantId, String workspaceId, String serviceId) {
        WorkspaceApi api = api(tenantId, workspaceId);
        List<EndpointInfo> endpoints = api.listEndpoints();
        EndpointInfo endpoint = endpoints.stream().filter(e -> serviceId.equalsIgnoreCase(e.id())).findFirst()
                .or(() -> endpoints.stream().filter(e -> serviceId.equals(e.name())).findFirst())
                .orElseThrow(() -> new CustomModelsException("No pipeline endpoint '" + serviceId
                        + "' in workspace '" + workspaceId + "'. Endpoints there: " + endpoints.stream()
                                .map(e -> e.name() + " (" + e.id() + ")").toList() + "."));
        String pipelineId = endpoint.defaultPipelineId();
        PipelineInfo pipeline = pipelineId == null ? null : api.pipeline(pipelineId);
        return new Resolved(api, endpoint, pipeline);
    }

    /** The store of a workspace datastore, reached with the tenant's credential. */
    LakeStore datastore(String tenantId, String workspaceId, String datastoreName) {
        ArmDatastore d = arm(tenantId).getDatastore(workspaceId, datastoreName);
        return context.datastore(d.blobLocation(""), tenantId);
    }
}
