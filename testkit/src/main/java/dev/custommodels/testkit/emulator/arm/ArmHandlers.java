package dev.custommodels.testkit.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The routes of {@link ArmEmulator}. */
final class ArmHandlers {
    private static final String WS = "/subscriptions/{sub}/resourceGroups/{rg}/providers/"
            + "Microsoft.MachineLearningServices/workspaces/{ws}";

    private final ArmEmulator arm;

    ArmHandlers(ArmEmulator arm) {
        this.arm = arm;
    }

    void register(Routes routes) {
        routes.get("/subscriptions", this::listSubscriptions);
        routes.get("/subscriptions/{sub}/providers/Microsoft.MachineLearningServices/workspaces",
                checked(this::listWorkspaces));
        routes.get("/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces",
                checked(this::listWorkspaces));
        routes.get(WS, checked(this::getWorkspace));
        routes.get(WS + "/datastores", checked(this::listDatastores));
        routes.get(WS + "/datastores/{name}", checked(this::getDatastore));
        routes.get(WS + "/providers/Microsoft.Authorization/permissions", checked(this::permissions));
        routes.put(WS + "/providers/Microsoft.Authorization/roleAssignments/{name}",
                checked(this::putRoleAssignment));
        routes.get(WS + "/providers/Microsoft.Authorization/roleAssignments", checked(this::listRoleAssignments));
        routes.get("/discovery/{location}", this::discovery);
    }

    private EmulatorResponse listSubscriptions(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatorResponse> denied = arm.authorize(request, null, ArmEmulator.ARM_AUDIENCES);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (ArmEmulator.Subscription s : arm.subscriptionsOf(ArmEmulator.tenantOf(request))) {
            items.add(Map.of("id", "/subscriptions/" + s.id(), "subscriptionId", s.id(), "displayName",
                    s.displayName(), "tenantId", s.tenantId(), "state", "Enabled"));
        }
        return page(request, items, m -> m);
    }

    private EmulatorResponse listWorkspaces(EmulatorRequest request, Map<String, String> vars) {
        List<EmulatedWorkspace> matching = arm.workspaces.stream()
                .filter(w -> w.subscriptionId().equalsIgnoreCase(vars.get("sub")))
                .filter(w -> vars.get("rg") == null || w.resourceGroup().equalsIgnoreCase(vars.get("rg")))
                .toList();
        return page(request, matching, this::workspaceJson);
    }

    private EmulatorResponse getWorkspace(EmulatorRequest request, Map<String, String> vars) {
        return workspace(vars).map(w -> ok(workspaceJson(w))).orElseGet(() -> notFound(vars));
    }

    private EmulatorResponse listDatastores(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatedWorkspace> w = workspace(vars);
        if (w.isEmpty()) {
            return notFound(vars);
        }
        List<EmulatedDatastore> list = arm.datastores.stream()
                .filter(d -> d.workspaceId().equalsIgnoreCase(w.get().id())).toList();
        return page(request, list, this::datastoreJson);
    }

    private EmulatorResponse getDatastore(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatedWorkspace> w = workspace(vars);
        if (w.isEmpty()) {
            return notFound(vars);
        }
        return arm.findDatastore(w.get().id(), vars.get("name")).map(d -> ok(datastoreJson(d)))
                .orElseGet(() -> ArmEmulator.withRequestId(EmulatorResponse.error(404, "UserError",
                        "Could not find datastore: " + vars.get("name") + ".")));
    }

    private EmulatorResponse permissions(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatedWorkspace> w = workspace(vars);
        if (w.isEmpty()) {
            return notFound(vars);
        }
        CallerRole role = arm.roleOn(w.get().id());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("actions", role.actions());
        entry.put("notActions", role.notActions());
        entry.put("dataActions", List.of());
        entry.put("notDataActions", List.of());
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(entry);
        if (role != CallerRole.READER) {
            entries.add(Map.of("actions", List.of("*/read"), "notActions", List.of()));
        }
        return page(request, entries, m -> m);
    }

    private EmulatorResponse putRoleAssignment(EmulatorRequest request, Map<String, String> vars)
            throws IOException {
        Optional<EmulatedWorkspace> w = workspace(vars);
        if (w.isEmpty()) {
            return notFound(vars);
        }
        String scope = w.get().id();
        if (!arm.roleOn(scope).canAssignRoles()) {
            return ArmEmulator.withRequestId(EmulatorResponse.error(403, "AuthorizationFailed",
                    "The client with object id '00000000-0000-0000-0000-0000000000aa' does not have authorization"
                            + " to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '"
                            + scope + "' or the scope is invalid."));
        }
        JsonNode props = EmulatorResponse.jsonMapper().readTree(request.body()).path("properties");
        String roleDefinitionId = props.path("roleDefinitionId").asText("");
        String principalId = props.path("principalId").asText("");
        if (roleDefinitionId.isEmpty() || principalId.isEmpty()) {
            return ArmEmulator.withRequestId(EmulatorResponse.error(400, "InvalidRequestContent",
                    "The request content must have properties.roleDefinitionId and properties.principalId."));
        }
        String principalType = props.path("principalType").isMissingNode() ? null
                : props.path("principalType").asText();
        RoleAssignmentRecord next = new RoleAssignmentRecord(vars.get("name"), scope, roleDefinitionId, principalId,
                principalType);
        synchronized (arm.assignments) {
            for (RoleAssignmentRecord r : arm.assignments) {
                boolean same = r.principalId().equalsIgnoreCase(principalId)
                        && r.roleId().equalsIgnoreCase(next.roleId()) && r.scope().equalsIgnoreCase(scope);
                if (r.name().equalsIgnoreCase(next.name())) {
                    return same ? ok(assignmentJson(r)) : ArmEmulator.withRequestId(EmulatorResponse.error(409,
                            "RoleAssignmentUpdateNotPermitted", "Tenant ID, application ID, principal ID, and"
                                    + " scope are not allowed to be updated."));
                }
                if (same) {
                    return ArmEmulator.withRequestId(EmulatorResponse.error(409, "RoleAssignmentExists",
                            "The role assignment already exists."));
                }
            }
            arm.assignments.add(next);
        }
        return ArmEmulator.withRequestId(EmulatorResponse.json(201, assignmentJson(next)));
    }

    private EmulatorResponse listRoleAssignments(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatedWorkspace> w = workspace(vars);
        if (w.isEmpty()) {
            return notFound(vars);
        }
        String filter = request.queryParam("$filter").orElse("");
        List<RoleAssignmentRecord> list = arm.assignments.stream()
                .filter(r -> r.scope().equalsIgnoreCase(w.get().id()))
                .filter(r -> filter.isEmpty() || filter.toLowerCase(Locale.ROOT)
                        .contains("'" + r.principalId().toLowerCase(Locale.ROOT) + "'"))
                .toList();
        return page(request, list, this::assignmentJson);
    }

    private EmulatorResponse discovery(EmulatorRequest request, Map<String, String> vars) {
        String base = arm.baseUrl();
        Map<String, Object> services = new LinkedHashMap<>();
        for (String key : List.of("api", "catalog", "experimentation", "gallery", "history", "hyperdrive",
                "labeling", "modelmanagement", "pipelines", "studio")) {
            services.put(key, base);
        }
        return EmulatorResponse.json(200, services);
    }

    /** Runs a subscription-scoped handler only after the token and the subscription check out. */
    private Routes.Handler checked(Routes.Handler handler) {
        return (request, vars) -> {
            Optional<EmulatorResponse> denied = check(request, vars);
            return denied.isPresent() ? denied.get() : handler.handle(request, vars);
        };
    }

    private Optional<EmulatorResponse> check(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatorResponse> denied = arm.authorize(request, vars.get("sub"), ArmEmulator.ARM_AUDIENCES);
        if (denied.isPresent()) {
            return denied;
        }
        if (arm.subscriptions.get(vars.get("sub").toLowerCase(Locale.ROOT)) == null) {
            return Optional.of(ArmEmulator.withRequestId(EmulatorResponse.error(404, "SubscriptionNotFound",
                    "The subscription '" + vars.get("sub") + "' could not be found.")));
        }
        return Optional.empty();
    }

    private Optional<EmulatedWorkspace> workspace(Map<String, String> vars) {
        return arm.findWorkspace(vars.get("sub"), vars.get("rg"), vars.get("ws"));
    }

    private EmulatorResponse notFound(Map<String, String> vars) {
        return ArmEmulator.withRequestId(EmulatorResponse.error(404, "ResourceNotFound", "The Resource "
                + "'Microsoft.MachineLearningServices/workspaces/" + vars.get("ws") + "' under resource group '"
                + vars.get("rg") + "' was not found."));
    }

    private static EmulatorResponse ok(Object body) {
        return ArmEmulator.withRequestId(EmulatorResponse.json(200, body));
    }

    private <T> EmulatorResponse page(EmulatorRequest request, List<T> all, Function<T, Object> json) {
        int skip = request.queryParam("$skiptoken").map(Integer::parseInt).orElse(0);
        int size = arm.pageSize;
        List<Object> value = new ArrayList<>();
        for (int i = skip; i < Math.min(all.size(), skip + size); i++) {
            value.add(json.apply(all.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        if (skip + size < all.size()) {
            String version = request.queryParam("api-version").orElse("");
            body.put("nextLink", arm.baseUrl() + request.path() + "?api-version=" + version + "&$skiptoken="
                    + (skip + size));
        } else {
            body.put("nextLink", null);
        }
        return ok(body);
    }

    private Object workspaceJson(EmulatedWorkspace w) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("friendlyName", w.name());
        props.put("workspaceId", w.workspaceGuid());
        props.put("discoveryUrl", arm.baseUrl() + "/discovery/" + w.location());
        props.put("storageAccount", "/subscriptions/" + w.subscriptionId() + "/resourceGroups/" + w.resourceGroup()
                + "/providers/Microsoft.Storage/storageAccounts/" + w.name().replaceAll("[^a-z0-9]", "") + "sa");
        props.put("provisioningState", "Succeeded");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", w.id());
        body.put("name", w.name());
        body.put("type", "Microsoft.MachineLearningServices/workspaces");
        body.put("location", w.location());
        body.put("properties", props);
        return body;
    }

    private Object datastoreJson(EmulatedDatastore d) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("datastoreType", "AzureBlob");
        props.put("accountName", d.accountName());
        props.put("containerName", d.containerName());
        props.put("endpoint", "core.windows.net");
        props.put("protocol", "https");
        props.put("credentials", Map.of("credentialsType", "AccountKey"));
        props.put("isDefault", d.name().equalsIgnoreCase("workspaceblobstore"));
        return Map.of("id", d.workspaceId() + "/datastores/" + d.name(), "name", d.name(),
                "type", "Microsoft.MachineLearningServices/workspaces/datastores", "properties", props);
    }

    private Object assignmentJson(RoleAssignmentRecord r) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("roleDefinitionId", r.roleDefinitionId());
        props.put("principalId", r.principalId());
        props.put("principalType", r.principalType());
        props.put("scope", r.scope());
        return Map.of("id", r.scope() + "/providers/Microsoft.Authorization/roleAssignments/" + r.name(),
                "type", "Microsoft.Authorization/roleAssignments", "name", r.name(), "properties", props);
    }
}
