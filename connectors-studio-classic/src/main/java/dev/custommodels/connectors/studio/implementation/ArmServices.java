package dev.custommodels.connectors.studio.implementation;

import static dev.custommodels.connectors.studio.StudioClassicOptions.CONNECTOR_NAME;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ARM ("new") web services, {@code Microsoft.MachineLearning/webServices}: listed per subscription (sparse), read
 * one by one for their schema, scored at the URL their swagger document gives, with {@code listKeys} keys.
 */
final class ArmServices {
    private final ConnectorContext context;
    private final ArmClient arm;
    private final Http http;

    ArmServices(ConnectorContext context, ArmClient arm, Http http) {
        this.context = context;
        this.arm = arm;
        this.http = http;
    }

    /** A listed service and, when it could be read, its resolution. */
    record Listed(ServiceInfo info, ResolvedService resolved) {
    }

    /**
     * Lists the ARM web services of some subscriptions.
     *
     * @param workspace when not {@code null}, only the services linked to this classic workspace
     */
    List<Listed> list(String tenantId, List<String> subscriptions, ArmClient.ClassicWorkspace workspace) {
        List<Listed> result = new ArrayList<>();
        for (String sub : subscriptions) {
            for (JsonNode sparse : arm.webServices(tenantId, sub)) {
                String link = linkOf(sparse);
                if (workspace != null && link != null && !links(link, workspace)) {
                    continue;
                }
                String id = Json.text(sparse, "id");
                JsonNode full = arm.webService(tenantId, id);
                link = linkOf(full);
                if (workspace != null && (link == null || !links(link, workspace))) {
                    continue;
                }
                String wsId = workspace != null ? workspace.armId()
                        : link != null && ArmClient.isWorkspaceId(link) ? link : WorkspaceInfo.ANY;
                ModelReference ref = new ModelReference(CONNECTOR_NAME, tenantId, wsId, id, null);
                String title = Json.text(Json.get(full, "properties"), "title");
                String name = title != null ? title : Json.text(full, "name");
                try {
                    ResolvedService r = fromResource(ref, full);
                    result.add(new Listed(new ServiceInfo(ref, name, Catalog.kind(r), reason(full, r)), r));
                } catch (CustomModelsException e) {
                    result.add(new Listed(new ServiceInfo(ref, name, "ARM web service", e.getMessage()), null));
                }
            }
        }
        return result;
    }

    ResolvedService resolve(ModelReference model) {
        JsonNode full;
        try {
            full = arm.webService(model.tenantId(), model.serviceId());
        } catch (StudioServiceException e) {
            if (e.status() == 404) {
                throw new CustomModelsException("No ARM web service '" + model.serviceId() + "'.", e);
            }
            throw e;
        }
        return fromResource(model, full);
    }

    private static String reason(JsonNode full, ResolvedService r) {
        String state = Json.text(Json.get(full, "properties"), "provisioningState");
        if (state != null && !state.equalsIgnoreCase("Succeeded")) {
            return "The web service's provisioning state is " + state + "; only Succeeded services can be called.";
        }
        return r.ineligibleReason();
    }

    private ResolvedService fromResource(ModelReference model, JsonNode full) {
        JsonNode props = Json.get(full, "properties");
        String swaggerLocation = Json.text(props, "swaggerLocation");
        if (swaggerLocation == null || swaggerLocation.isBlank()) {
            throw new CustomModelsException("The ARM web service has no swaggerLocation, so its scoring URL is"
                    + " unknown.");
        }
        String op = "Reading the swagger document of ARM web service " + Json.text(full, "name");
        JsonNode swagger = http.call(context.pipeline(), HttpMethod.GET, swaggerLocation, null, op).json(op);
        SwaggerContracts.Read fromArm = ArmContracts.read(props);
        SwaggerContracts.Read read = new SwaggerContracts.Read(fromArm.contract(), fromArm.problems(),
                SwaggerContracts.read(swagger).batchSupported());
        Supplier<Secret> key = () -> context.apiKey(model).map(k -> new Secret(k.getKey()))
                .orElseGet(() -> arm.webServiceKey(model.tenantId(), model.serviceId()));
        String name = Optional.ofNullable(Json.text(props, "title")).orElse(Json.text(full, "name"));
        return new ResolvedService(model, name, apiBase(swagger, swaggerLocation), key, true,
                Json.path(props, "realtimeConfiguration", "maxConcurrentCalls").asInt(0), read);
    }

    /** The scoring base from the swagger document's {@code schemes}, {@code host} and {@code basePath}. */
    static String apiBase(JsonNode swagger, String swaggerLocation) {
        URI location = URI.create(swaggerLocation);
        JsonNode schemes = Json.get(swagger, "schemes");
        String scheme = schemes.isArray() && schemes.size() > 0 ? schemes.get(0).asText() : location.getScheme();
        String host = Optional.ofNullable(Json.text(swagger, "host")).orElse(location.getRawAuthority());
        if (host.endsWith(":443") && scheme.equalsIgnoreCase("https")) {
            host = host.substring(0, host.length() - 4);
        }
        String basePath = Optional.ofNullable(Json.text(swagger, "basePath")).orElse("");
        return scheme + "://" + host + basePath;
    }

    private static String linkOf(JsonNode webService) {
        return Json.text(Json.path(webService, "properties", "machineLearningWorkspace"), "id");
    }

    private static boolean links(String link, ArmClient.ClassicWorkspace ws) {
        return link.equalsIgnoreCase(ws.armId()) || link.equalsIgnoreCase(ws.workspaceId());
    }
}
