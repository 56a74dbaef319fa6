package dev.custommodels.testkit.emulator.studio;

import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ARM side: {@code GET /subscriptions}, classic workspaces ({@code Microsoft.MachineLearning/workspaces}) by
 * subscription and resource group, {@code listWorkspaceKeys}, ARM web services with {@code listKeys}. Requests
 * need an ARM-audience bearer token of the subscription's tenant; lists page with {@code nextLink}.
 */
final class ArmRoutes {
    private static final String WS = "/providers/Microsoft.MachineLearning/workspaces";
    private static final String WEB = "/providers/Microsoft.MachineLearning/webServices";
    private static final Set<String> WS_VERSIONS = Set.of("2019-10-01", "2016-04-01");
    private static final Set<String> WEB_VERSIONS = Set.of("2017-01-01", "2016-05-01-preview");

    private final StudioClassicEmulator studio;

    ArmRoutes(StudioClassicEmulator studio) {
        this.studio = studio;
    }

    void register(Routes routes) {
        routes.get("/subscriptions", this::subscriptions);
        routes.get("/subscriptions/{sub}" + WS, (r, v) -> listWorkspaces(r, v.get("sub"), null));
        routes.get("/subscriptions/{sub}/resourceGroups/{rg}" + WS, (r, v) -> listWorkspaces(r, v.get("sub"),
                v.get("rg")));
        routes.get("/subscriptions/{sub}/resourceGroups/{rg}" + WS + "/{name}", this::getWorkspace);
        routes.post("/subscriptions/{sub}/resourceGroups/{rg}" + WS + "/{name}/listWorkspaceKeys", this::keys);
        routes.get("/subscriptions/{sub}" + WEB, (r, v) -> listWebServices(r, v.get("sub"), null));
        routes.get("/subscriptions/{sub}/resourceGroups/{rg}" + WEB, (r, v) -> listWebServices(r, v.get("sub"),
                v.get("rg")));
        routes.get("/subscriptions/{sub}/resourceGroups/{rg}" + WEB + "/{name}", this::getWebService);
        routes.get("/subscriptions/{sub}/resourceGroups/{rg}" + WEB + "/{name}/listKeys", this::webServiceKeys);
    }

    private EmulatorResponse subscriptions(EmulatorRequest r, Map<String, String> v) {
        Optional<String> tenant = tenant(r);
        if (tenant.isEmpty()) {
            return unauthorized();
        }
        if (r.queryParam("api-version").isEmpty()) {
            return missingApiVersion();
        }
        List<Object> items = new ArrayList<>();
        for (String sub : studio.subscriptionsOf(tenant.get())) {
            items.add(Map.of("id", "/subscriptions/" + sub, "subscriptionId", sub, "displayName", "Subscription "
                    + sub, "state", "Enabled", "tenantId", tenant.get()));
        }
        return page(r, items);
    }

    private EmulatorResponse listWorkspaces(EmulatorRequest r, String sub, String rg) {
        Optional<EmulatorResponse> denied = check(r, sub, WS_VERSIONS);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<Object> items = new ArrayList<>();
        for (StudioWorkspace ws : studio.workspaces) {
            if (ws.subscriptionId().equalsIgnoreCase(sub) && (rg == null || ws.resourceGroup().equalsIgnoreCase(rg))) {
                items.add(workspace(ws));
            }
        }
        return page(r, items);
    }

    private EmulatorResponse getWorkspace(EmulatorRequest r, Map<String, String> v) {
        Optional<EmulatorResponse> denied = check(r, v.get("sub"), WS_VERSIONS);
        return denied.orElseGet(() -> findWorkspace(v).map(ws -> EmulatorResponse.json(200, workspace(ws)))
                .orElseGet(() -> notFound("Microsoft.MachineLearning/workspaces", v.get("name"))));
    }

    private EmulatorResponse keys(EmulatorRequest r, Map<String, String> v) {
        Optional<EmulatorResponse> denied = check(r, v.get("sub"), WS_VERSIONS);
        return denied.orElseGet(() -> findWorkspace(v).map(ws -> EmulatorResponse.json(200, Map.of("primaryToken",
                ws.primaryToken(), "secondaryToken", ws.secondaryToken())))
                .orElseGet(() -> notFound("Microsoft.MachineLearning/workspaces", v.get("name"))));
    }

    private Optional<StudioWorkspace> findWorkspace(Map<String, String> v) {
        return studio.workspaces.stream().filter(ws -> ws.subscriptionId().equalsIgnoreCase(v.get("sub"))
                && ws.resourceGroup().equalsIgnoreCase(v.get("rg")) && ws.name().equalsIgnoreCase(v.get("name")))
                .findFirst();
    }

    private Map<String, Object> workspace(StudioWorkspace ws) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("userStorageAccountId", "/subscriptions/" + ws.subscriptionId() + "/resourceGroups/"
                + ws.resourceGroup() + "/providers/Microsoft.Storage/storageAccounts/" + ws.name() + "store");
        p.put("ownerEmail", "owner@example.com");
        p.put("workspaceType", "PaidStandard");
        p.put("workspaceState", "Enabled");
        p.put("workspaceId", ws.workspaceId());
        p.put("creationTime", "2019-05-01T10:00:00Z");
        p.put("studioEndpoint", "https://studioapi.azureml.net");
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", ws.armId());
        w.put("name", ws.name());
        w.put("type", "Microsoft.MachineLearning/workspaces");
        w.put("location", ws.location());
        w.put("sku", Map.of("name", "Standard", "tier", "Standard"));
        w.put("properties", p);
        return w;
    }

    private EmulatorResponse listWebServices(EmulatorRequest r, String sub, String rg) {
        Optional<EmulatorResponse> denied = check(r, sub, WEB_VERSIONS);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<Object> items = new ArrayList<>();
        for (StudioWebService s : studio.armServices) {
            if (s.subscriptionId().equalsIgnoreCase(sub) && (rg == null || s.resourceGroup().equalsIgnoreCase(rg))) {
                items.add(webService(s, false));
            }
        }
        return page(r, items);
    }

    private EmulatorResponse getWebService(EmulatorRequest r, Map<String, String> v) {
        Optional<EmulatorResponse> denied = check(r, v.get("sub"), WEB_VERSIONS);
        return denied.orElseGet(() -> findWebService(v).map(s -> EmulatorResponse.json(200, webService(s, true)))
                .orElseGet(() -> notFound("Microsoft.MachineLearning/webServices", v.get("name"))));
    }

    private EmulatorResponse webServiceKeys(EmulatorRequest r, Map<String, String> v) {
        Optional<EmulatorResponse> denied = check(r, v.get("sub"), WEB_VERSIONS);
        return denied.orElseGet(() -> findWebService(v).map(s -> EmulatorResponse.json(200, Map.of("primary",
                s.primaryKey(), "secondary", s.secondaryKey())))
                .orElseGet(() -> notFound("Microsoft.MachineLearning/webServices", v.get("name"))));
    }

    private Optional<StudioWebService> findWebService(Map<String, String> v) {
        return studio.armServices.stream().filter(s -> s.subscriptionId().equalsIgnoreCase(v.get("sub"))
                && s.resourceGroup().equalsIgnoreCase(v.get("rg")) && s.name().equalsIgnoreCase(v.get("name")))
                .findFirst();
    }

    private Map<String, Object> webService(StudioWebService s, boolean full) {
        Map<String, Object> p = full ? SwaggerDocuments.armProperties(s, studio.baseUrl())
                : new LinkedHashMap<>(Map.of("title", s.name(), "provisioningState", "Succeeded", "packageType",
                        "Graph"));
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", s.armId());
        w.put("name", s.name());
        w.put("type", "Microsoft.MachineLearning/webServices");
        w.put("location", "southcentralus");
        w.put("properties", p);
        return w;
    }

    private EmulatorResponse page(EmulatorRequest r, List<Object> items) {
        int skip = r.queryParam("$skiptoken").map(Integer::parseInt).orElse(0);
        int size = studio.armPageSize();
        List<Object> slice = items.subList(Math.min(skip, items.size()), Math.min(skip + size, items.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", slice);
        body.put("nextLink", skip + size < items.size() ? studio.baseUrl() + r.path() + "?api-version="
                + r.queryParam("api-version").orElse("") + "&$skiptoken=" + (skip + size) : null);
        return EmulatorResponse.json(200, body);
    }

    private Optional<EmulatorResponse> check(EmulatorRequest r, String sub, Set<String> versions) {
        Optional<String> tenant = tenant(r);
        if (tenant.isEmpty()) {
            return Optional.of(unauthorized());
        }
        String version = r.queryParam("api-version").orElse(null);
        if (version == null) {
            return Optional.of(missingApiVersion());
        }
        if (!versions.contains(version)) {
            return Optional.of(EmulatorResponse.error(400, "NoRegisteredProviderFound", "No registered resource"
                    + " provider found for API version '" + version + "'. Supported: " + versions + "."));
        }
        Optional<String> owner = studio.tenantOf(sub);
        if (owner.isEmpty()) {
            return Optional.of(EmulatorResponse.error(404, "SubscriptionNotFound", "The subscription '" + sub
                    + "' could not be found."));
        }
        if (!owner.get().equals(tenant.get())) {
            return Optional.of(EmulatorResponse.error(401, "InvalidAuthenticationTokenTenant", "The access token is"
                    + " from the wrong issuer; it must match the tenant associated with this subscription."));
        }
        return Optional.empty();
    }

    /** The tenant of an ARM-audience bearer token, or empty when the token is missing or for another audience. */
    private static Optional<String> tenant(EmulatorRequest r) {
        return r.bearerToken().filter(t -> {
            String aud = FakeTokenCredential.audienceOf(t);
            return aud.equals("https://management.azure.com") || aud.equals("https://management.azure.com/")
                    || aud.equals("https://management.core.windows.net/");
        }).map(FakeTokenCredential::tenantOf).filter(t -> !t.isEmpty());
    }

    private static EmulatorResponse unauthorized() {
        return EmulatorResponse.error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization'"
                + " header is missing or does not hold a token for https://management.azure.com.")
                .withHeader("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/\"");
    }

    private static EmulatorResponse missingApiVersion() {
        return EmulatorResponse.error(400, "MissingApiVersionParameter", "The api-version query parameter"
                + " (?api-version=) is required for all requests.");
    }

    private static EmulatorResponse notFound(String type, String name) {
        return EmulatorResponse.error(404, "ResourceNotFound", "The Resource '" + type + "/" + name
                + "' was not found.");
    }
}
