package dev.custommodels.connectors.studio.implementation;

import static dev.custommodels.connectors.studio.StudioClassicOptions.CONNECTOR_NAME;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Discovery and resolution: classic workspaces over ARM, web services and endpoints through the management API,
 * ARM web services, and the "Any" search over every classic workspace of a tenant. Resolved services are cached
 * per connector instance (keys in memory only).
 */
final class Catalog {
    static final String GROUP = "Studio (classic)";
    private static final ClientLogger LOGGER = new ClientLogger(Catalog.class);

    private final ConnectorContext context;
    private final Http http;
    private final ArmClient arm;
    private final ManagementClient management;
    private final ArmServices armServices;
    private final Map<ModelReference, ResolvedService> resolved = new ConcurrentHashMap<>();

    Catalog(ConnectorContext context, Settings settings, Http http) {
        this.context = context;
        this.http = http;
        this.arm = new ArmClient(context, settings, http);
        this.management = new ManagementClient(context, settings, http);
        this.armServices = new ArmServices(context, arm, http);
    }

    PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return LazyPages.of(() -> {
            List<Supplier<List<WorkspaceInfo>>> pages = new ArrayList<>();
            for (String sub : arm.subscriptions(tenantId)) {
                pages.add(() -> workspacesOf(tenantId, sub).stream().map(w -> new WorkspaceInfo(w.armId(), w.name(),
                        tenantId, GROUP, w.location())).toList());
            }
            return pages;
        });
    }

    PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        if (WorkspaceInfo.ANY.equals(workspaceId)) {
            return LazyPages.of(() -> {
                List<Supplier<List<ServiceInfo>>> pages = new ArrayList<>();
                List<String> subs = arm.subscriptions(tenantId);
                for (String sub : subs) {
                    for (ArmClient.ClassicWorkspace ws : workspacesOf(tenantId, sub)) {
                        pages.add(() -> classicServicesOrNone(tenantId, ws));
                    }
                }
                pages.add(() -> remember(armServices.list(tenantId, subs, null)));
                return pages;
            });
        }
        return LazyPages.of(() -> {
            ArmClient.ClassicWorkspace ws = findWorkspace(tenantId, workspaceId);
            return List.of(() -> classicServices(tenantId, ws),
                    () -> remember(armServices.list(tenantId, List.of(ws.subscriptionId()), ws)));
        });
    }

    /** Finds and reads a service, or fails naming it. */
    ResolvedService resolve(ModelReference model) {
        ResolvedService r = resolved.get(model);
        if (r != null) {
            return r;
        }
        r = ArmClient.isWebServiceId(model.serviceId()) ? armServices.resolve(model)
                : WorkspaceInfo.ANY.equals(model.workspaceId()) ? resolveAnywhere(model) : resolveClassic(model,
                        findWorkspace(model.tenantId(), model.workspaceId()));
        resolved.put(model, r);
        return r;
    }

    private List<ArmClient.ClassicWorkspace> workspacesOf(String tenantId, String subscriptionId) {
        List<ArmClient.ClassicWorkspace> result = new ArrayList<>();
        for (String url = arm.workspacesUrl(subscriptionId); url != null;) {
            ArmClient.Page page = arm.page(tenantId, url, "Listing the Studio (classic) workspaces of subscription "
                    + subscriptionId);
            for (JsonNode w : page.items()) {
                ArmClient.ClassicWorkspace ws = ArmClient.toWorkspace(w);
                if (!"Deleted".equalsIgnoreCase(ws.state())) {
                    result.add(ws);
                }
            }
            url = page.nextLink();
        }
        return result;
    }

    private ArmClient.ClassicWorkspace findWorkspace(String tenantId, String workspaceId) {
        if (ArmClient.isWorkspaceId(workspaceId)) {
            return arm.workspace(tenantId, workspaceId);
        }
        List<String> seen = new ArrayList<>();
        for (String sub : arm.subscriptions(tenantId)) {
            for (ArmClient.ClassicWorkspace ws : workspacesOf(tenantId, sub)) {
                if (workspaceId.equalsIgnoreCase(ws.workspaceId()) || workspaceId.equalsIgnoreCase(ws.name())) {
                    return ws;
                }
                seen.add(ws.name());
            }
        }
        throw new CustomModelsException("No Studio (classic) workspace '" + workspaceId + "' in tenant " + tenantId
                + ". Workspaces found: " + seen + ". Pass a workspace id as listWorkspaces returns it.");
    }

    private List<ServiceInfo> classicServicesOrNone(String tenantId, ArmClient.ClassicWorkspace ws) {
        try {
            return classicServices(tenantId, ws);
        } catch (CustomModelsException e) {
            LOGGER.warning("Skipping workspace {} while searching every workspace: {}", ws.name(), e.getMessage());
            return List.of();
        }
    }

    private List<ServiceInfo> classicServices(String tenantId, ArmClient.ClassicWorkspace ws) {
        Secret token = arm.workspaceToken(tenantId, ws.armId());
        List<ServiceInfo> result = new ArrayList<>();
        for (JsonNode svc : management.webServices(ws, token)) {
            String id = Json.text(svc, "Id");
            String name = Json.text(svc, "Name");
            ModelReference ref = new ModelReference(CONNECTOR_NAME, tenantId, ws.armId(), id, null);
            String kind = "web service";
            String reason;
            try {
                JsonNode endpoint = pickEndpoint(management.endpoints(ws, token, id),
                        Json.text(svc, "DefaultEndpointName"), null);
                if (endpoint == null) {
                    reason = "The web service has no endpoint; add one in the Azure Machine Learning web services"
                            + " portal.";
                } else {
                    ResolvedService r = fromEndpoint(ref, name, endpoint);
                    resolved.put(ref, r);
                    kind = kind(r);
                    reason = r.ineligibleReason();
                }
            } catch (CustomModelsException e) {
                reason = e.getMessage();
            }
            result.add(new ServiceInfo(ref, name == null ? id : name, kind, reason));
        }
        return result;
    }

    static String kind(ResolvedService r) {
        String base = r.armService() ? "ARM web service" : "web service";
        return base + (r.batchSupported() ? " (request-response and batch)" : " (request-response)");
    }

    private ResolvedService resolveAnywhere(ModelReference model) {
        for (String sub : arm.subscriptions(model.tenantId())) {
            for (ArmClient.ClassicWorkspace ws : workspacesOf(model.tenantId(), sub)) {
                try {
                    return resolveClassic(model, ws);
                } catch (StudioServiceException e) {
                    if (e.status() != 404) {
                        LOGGER.warning("Skipping workspace {} while searching for web service {}: {}", ws.name(),
                                model.serviceId(), e.getMessage());
                    }
                }
            }
        }
        throw new CustomModelsException("No web service '" + model.serviceId() + "' in any Studio (classic)"
                + " workspace of tenant " + model.tenantId() + ".");
    }

    private ResolvedService resolveClassic(ModelReference model, ArmClient.ClassicWorkspace ws) {
        Secret token = arm.workspaceToken(model.tenantId(), ws.armId());
        JsonNode svc;
        try {
            svc = management.webService(ws, token, model.serviceId());
        } catch (StudioServiceException e) {
            if (e.status() == 404) {
                throw new StudioServiceException("No web service '" + model.serviceId() + "' in Studio (classic)"
                        + " workspace '" + ws.name() + "'. Check the service id, or list the workspace's services.",
                        404, e.code(), e.detailCode(), null, e);
            }
            throw e;
        }
        String endpointName = model.endpoint() != null ? model.endpoint()
                : Json.text(svc, "DefaultEndpointName") != null ? Json.text(svc, "DefaultEndpointName") : "default";
        JsonNode endpoint;
        try {
            endpoint = management.endpoint(ws, token, model.serviceId(), endpointName);
        } catch (StudioServiceException e) {
            if (e.status() == 404) {
                throw new CustomModelsException("Web service '" + model.serviceId() + "' has no endpoint '"
                        + endpointName + "'.", e);
            }
            throw e;
        }
        String name = Json.text(svc, "Name");
        return fromEndpoint(model, name == null ? model.serviceId() : name, endpoint);
    }

    private ResolvedService fromEndpoint(ModelReference model, String name, JsonNode endpoint) {
        String endpointName = Json.text(endpoint, "Name");
        String apiLocation = Json.text(endpoint, "ApiLocation");
        if (apiLocation == null || apiLocation.isBlank()) {
            throw new CustomModelsException("The endpoint '" + endpointName + "' has no API location, so it cannot"
                    + " be called; redeploy the web service or pick another endpoint.");
        }
        String op = "Reading swagger.json of web service " + model.serviceId();
        JsonNode swagger = http.call(context.pipeline(), HttpMethod.GET, Settings.trimSlash(apiLocation)
                + "/swagger.json?api-version=2.0", null, op).json(op);
        String primary = Json.text(endpoint, "PrimaryKey");
        Supplier<Secret> key = () -> context.apiKey(model).map(k -> new Secret(k.getKey()))
                .or(() -> java.util.Optional.ofNullable(primary).map(Secret::new))
                .orElseThrow(() -> new CustomModelsException("No API key for " + model.displayString()
                        + ": the host supplied none and the endpoint's primary key is not readable."));
        return new ResolvedService(model, name, apiLocation, key, false,
                Json.get(endpoint, "MaxConcurrentCalls").asInt(0), SwaggerContracts.read(swagger));
    }

    static JsonNode pickEndpoint(List<JsonNode> endpoints, String defaultName, String wanted) {
        String name = wanted != null ? wanted : defaultName != null ? defaultName : "default";
        for (JsonNode e : endpoints) {
            if (name.equalsIgnoreCase(Json.text(e, "Name"))) {
                return e;
            }
        }
        return wanted == null && !endpoints.isEmpty() ? endpoints.get(0) : null;
    }

    private List<ServiceInfo> remember(List<ArmServices.Listed> listed) {
        List<ServiceInfo> result = new ArrayList<>();
        for (ArmServices.Listed l : listed) {
            if (l.resolved() != null) {
                resolved.put(l.info().model(), l.resolved());
            }
            result.add(l.info());
        }
        return result;
    }
}
