package dev.custommodels.spi.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.implementation.azure.ArmJson;
import dev.custommodels.spi.ConnectorContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A small Azure Resource Manager client for connector authors: subscriptions, Azure Machine Learning workspaces
 * and datastores, effective permissions and role assignments. Thread-safe.
 *
 * <p>It authenticates with {@link ConnectorContext#credential(String)} of one tenant and the scope
 * {@code <audience>/.default}, and sends every call through {@link ConnectorContext#pipeline} (so the client's
 * retry policy and HTTP client apply). Options read from the context:
 * <ul>
 *   <li>{@value #ENDPOINT_OPTION}: the ARM base URL, default {@value #DEFAULT_ENDPOINT};</li>
 *   <li>{@value #AUDIENCE_OPTION}: the token audience, default {@value #DEFAULT_AUDIENCE}.</li>
 * </ul>
 */
public final class ArmClient {
    /** The option key of the ARM base URL. */
    public static final String ENDPOINT_OPTION = "azure.armEndpoint";
    /** The option key of the ARM token audience. */
    public static final String AUDIENCE_OPTION = "azure.armAudience";
    /** The public cloud's ARM base URL. */
    public static final String DEFAULT_ENDPOINT = "https://management.azure.com";
    /** The public cloud's ARM token audience. */
    public static final String DEFAULT_AUDIENCE = "https://management.azure.com";
    /** The api-version used to list subscriptions. */
    public static final String SUBSCRIPTIONS_API_VERSION = "2020-01-01";
    /** The api-version used for Azure Machine Learning workspaces and datastores. */
    public static final String WORKSPACES_API_VERSION = "2024-04-01";
    /** The api-version used for permissions and role assignments. */
    public static final String AUTHORIZATION_API_VERSION = "2022-04-01";

    private static final ClientLogger LOGGER = new ClientLogger(ArmClient.class);
    private static final String WORKSPACE_TYPE = "Microsoft.MachineLearningServices/workspaces";

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final String tenantId;

    private ArmClient(HttpPipeline pipeline, String endpoint, String tenantId) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.tenantId = tenantId;
    }

    /**
     * Creates a client for one tenant from a connector context, reading {@value #ENDPOINT_OPTION} and
     * {@value #AUDIENCE_OPTION}.
     *
     * @param context the connector context
     * @param tenantId the tenant whose credential is used
     * @return the client
     * @throws IllegalStateException if the context has no credential for the tenant
     */
    public static ArmClient create(ConnectorContext context, String tenantId) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(tenantId, "tenantId");
        String endpoint = trimSlash(context.option(ENDPOINT_OPTION).orElse(DEFAULT_ENDPOINT));
        String audience = trimSlash(context.option(AUDIENCE_OPTION).orElse(DEFAULT_AUDIENCE));
        HttpPipeline pipeline = context.pipeline(
                new BearerTokenPolicy(context.credential(tenantId), audience + "/.default", tenantId));
        return new ArmClient(pipeline, endpoint, tenantId);
    }

    /**
     * Returns the ARM base URL.
     *
     * @return the URL without a trailing slash
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Returns the tenant this client authenticates to.
     *
     * @return the tenant id
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * Returns the authenticated pipeline (ARM audience), which Azure Machine Learning data-plane APIs also accept.
     *
     * @return the pipeline
     */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /**
     * Lists the subscriptions the credential can see, following {@code nextLink}.
     *
     * @return the subscriptions
     * @throws ArmException on an error answer
     */
    public PagedIterable<ArmSubscription> listSubscriptions() {
        return list(endpoint + "/subscriptions?api-version=" + SUBSCRIPTIONS_API_VERSION, ArmClient::subscription,
                "Listing the subscriptions of tenant '" + tenantId + "'");
    }

    /**
     * Lists the Azure Machine Learning workspaces of a subscription, following {@code nextLink}.
     *
     * @param subscriptionId the subscription
     * @return the workspaces
     * @throws ArmException on an error answer
     */
    public PagedIterable<ArmWorkspace> listWorkspaces(String subscriptionId) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        return list(endpoint + "/subscriptions/" + encode(subscriptionId) + "/providers/" + WORKSPACE_TYPE
                + "?api-version=" + WORKSPACES_API_VERSION, ArmClient::workspace,
                "Listing the Azure Machine Learning workspaces of subscription '" + subscriptionId + "'");
    }

    /**
     * Lists the Azure Machine Learning workspaces of every subscription the credential can see.
     *
     * @return the workspaces, subscription by subscription
     * @throws ArmException on an error answer
     */
    public PagedIterable<ArmWorkspace> listWorkspaces() {
        List<String> subscriptions = new ArrayList<>();
        Function<String, PagedResponse<ArmWorkspace>> page = token -> {
            if (token == null) {
                synchronized (subscriptions) {
                    subscriptions.clear();
                    listSubscriptions().forEach(s -> subscriptions.add(s.subscriptionId()));
                }
                token = "0 ";
            }
            int space = token.indexOf(' ');
            int index = Integer.parseInt(token.substring(0, space));
            String link = token.substring(space + 1);
            if (index >= subscriptions.size()) {
                return new PagedResponseBase<Void, ArmWorkspace>(null, 200, null, List.of(), null, null);
            }
            PagedResponse<ArmWorkspace> p = link.isEmpty()
                    ? listWorkspaces(subscriptions.get(index)).iterableByPage().iterator().next()
                    : workspacePage(link, subscriptions.get(index));
            String next = p.getContinuationToken() != null ? index + " " + p.getContinuationToken()
                    : index + 1 < subscriptions.size() ? (index + 1) + " " : null;
            return new PagedResponseBase<Void, ArmWorkspace>(p.getRequest(), 200, null,
                    p.getValue(), next, null);
        };
        return new PagedIterable<>(() -> page.apply(null), page);
    }

    private PagedResponse<ArmWorkspace> workspacePage(String nextLink, String subscriptionId) {
        return list(nextLink, ArmClient::workspace, "Listing the Azure Machine Learning workspaces of subscription '"
                + subscriptionId + "'").iterableByPage().iterator().next();
    }

    /**
     * Reads a workspace.
     *
     * @param workspaceId the workspace's ARM resource id
     * @return the workspace
     * @throws ArmException on an error answer, such as 404 when it does not exist
     */
    public ArmWorkspace getWorkspace(String workspaceId) {
        String id = ArmResourceId.parse(workspaceId).id();
        return workspace(getJson(endpoint + id + "?api-version=" + WORKSPACES_API_VERSION,
                "Reading workspace '" + id + "'"));
    }

    /**
     * Reads a datastore of a workspace, without its secrets.
     *
     * @param workspaceId the workspace's ARM resource id
     * @param datastoreName the datastore name, such as {@code workspaceblobstore}
     * @return the datastore
     * @throws ArmException on an error answer, such as 404 when it does not exist
     */
    public ArmDatastore getDatastore(String workspaceId, String datastoreName) {
        String id = ArmResourceId.parse(workspaceId).id();
        JsonNode node = getJson(endpoint + id + "/datastores/" + encode(datastoreName) + "?api-version="
                + WORKSPACES_API_VERSION, "Reading datastore '" + datastoreName + "' of workspace '" + id + "'");
        JsonNode p = ArmJson.get(node, "properties");
        String name = ArmJson.text(node, "name");
        return new ArmDatastore(name == null ? datastoreName : name, ArmJson.text(p, "datastoreType"),
                ArmJson.text(p, "accountName"), ArmJson.text(p, "containerName", "filesystem"),
                ArmJson.text(p, "endpoint"), ArmJson.text(p, "protocol"));
    }

    /**
     * Reads the caller's effective permissions on a scope, following {@code nextLink}.
     *
     * @param scope a resource id, such as a workspace's
     * @return the permissions
     * @throws ArmException on an error answer
     */
    public ArmPermissions getPermissions(String scope) {
        String s = scopePath(scope);
        List<ArmPermission> entries = list(endpoint + s + "/providers/Microsoft.Authorization/permissions"
                + "?api-version=" + AUTHORIZATION_API_VERSION, ArmClient::permission,
                "Reading the caller's permissions on '" + s + "'").stream().toList();
        return new ArmPermissions(s, entries);
    }

    /**
     * Assigns a role to a principal on a scope under a new random assignment name. An equal assignment that
     * already exists (409 {@code RoleAssignmentExists}) counts as success.
     *
     * @param scope the scope, such as a workspace resource id
     * @param roleId a built-in role id from {@link AzureRoles}, or a full role definition id
     * @param principalId the object id of the principal
     * @param principalType {@code ServicePrincipal}, {@code User}, {@code Group}, or {@code null}
     * @return the outcome
     * @throws ArmException on any other error answer, such as 403 {@code AuthorizationFailed}
     */
    public ArmRoleAssignment createRoleAssignment(String scope, String roleId, String principalId,
            String principalType) {
        String s = scopePath(scope);
        String definitionId = roleId.startsWith("/") ? roleId : AzureRoles.definitionId(s.split("/")[2], roleId);
        String name = UUID.randomUUID().toString();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("roleDefinitionId", definitionId);
        properties.put("principalId", Objects.requireNonNull(principalId, "principalId"));
        if (principalType != null) {
            properties.put("principalType", principalType);
        }
        HttpRequest request = new HttpRequest(HttpMethod.PUT, endpoint + s
                + "/providers/Microsoft.Authorization/roleAssignments/" + name + "?api-version="
                + AUTHORIZATION_API_VERSION).setBody(ArmJson.write(Map.of("properties", properties)))
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
        String operation = "Assigning role " + definitionId + " to principal " + principalId + " on '" + s + "'";
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            int status = response.getStatusCode();
            if (status == 200 || status == 201) {
                LOGGER.info("{}: created assignment {}.", operation, name);
                return new ArmRoleAssignment(s, definitionId, principalId, s
                        + "/providers/Microsoft.Authorization/roleAssignments/" + name, true);
            }
            ArmException e = ArmException.fromResponse(response, operation);
            if (status == 409 && "RoleAssignmentExists".equalsIgnoreCase(e.getErrorCode())) {
                LOGGER.info("{}: the assignment already exists.", operation);
                return new ArmRoleAssignment(s, definitionId, principalId, null, false);
            }
            throw LOGGER.logExceptionAsWarning(e);
        }
    }

    /**
     * Sends an authenticated GET and returns the body; for data-plane calls of connectors that share this
     * pipeline, such as a workspace's discovery document.
     *
     * @param url the absolute URL
     * @param operation what is attempted, for the error message
     * @return the body text
     * @throws ArmException on an error answer
     */
    public String getText(String url, String operation) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url);
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            if (response.getStatusCode() / 100 != 2) {
                throw LOGGER.logExceptionAsWarning(ArmException.fromResponse(response, operation));
            }
            return response.getBodyAsBinaryData().toString();
        }
    }

    private JsonNode getJson(String url, String operation) {
        return ArmJson.parse(getText(url, operation));
    }

    private <T> PagedIterable<T> list(String firstUrl, Function<JsonNode, T> mapper, String operation) {
        Function<String, PagedResponse<T>> page = url -> {
            HttpRequest request = new HttpRequest(HttpMethod.GET, url);
            JsonNode body = ArmJson.parse(getText(url, operation));
            List<T> items = new ArrayList<>();
            ArmJson.array(body, "value").forEach(n -> items.add(mapper.apply(n)));
            String next = ArmJson.text(body, "nextLink");
            return new PagedResponseBase<Void, T>(request, 200, null, items,
                    next == null || next.isBlank() ? null : next, null);
        };
        return new PagedIterable<>(() -> page.apply(firstUrl), page);
    }

    private static ArmSubscription subscription(JsonNode n) {
        return new ArmSubscription(ArmJson.text(n, "subscriptionId"), ArmJson.text(n, "displayName"),
                ArmJson.text(n, "tenantId"), ArmJson.text(n, "state"));
    }

    private static ArmWorkspace workspace(JsonNode n) {
        JsonNode p = ArmJson.get(n, "properties");
        return new ArmWorkspace(ArmJson.text(n, "id"), ArmJson.text(n, "name"), ArmJson.text(n, "location"),
                ArmJson.text(p, "discoveryUrl"), ArmJson.text(p, "workspaceId"), ArmJson.text(p, "friendlyName"));
    }

    private static ArmPermission permission(JsonNode n) {
        return new ArmPermission(ArmJson.texts(n, "actions"), ArmJson.texts(n, "notActions"),
                ArmJson.texts(n, "dataActions"), ArmJson.texts(n, "notDataActions"));
    }

    private static String scopePath(String scope) {
        Objects.requireNonNull(scope, "scope");
        String s = trimSlash(scope.startsWith("/") ? scope : "/" + scope);
        String[] parts = s.split("/");
        if (parts.length < 3 || !parts[1].equalsIgnoreCase("subscriptions") || parts[2].isBlank()) {
            throw new IllegalArgumentException("'" + scope + "' is not an ARM scope; expected a resource id that"
                    + " starts with /subscriptions/{subscription}.");
        }
        return s;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
