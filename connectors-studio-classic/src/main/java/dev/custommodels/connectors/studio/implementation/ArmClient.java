package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.ConnectorContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Resource Manager calls of the connector: subscriptions, classic workspaces and their keys, ARM web services
 * and their keys. Lists follow {@code nextLink}.
 */
final class ArmClient {
    static final String WORKSPACES_API = "2019-10-01";
    static final String WEB_SERVICES_API = "2017-01-01";
    static final String SUBSCRIPTIONS_API = "2020-01-01";
    private static final Pattern WORKSPACE_ID = Pattern.compile(
            "(?i)/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.MachineLearning/workspaces/([^/]+)");
    private static final Pattern WEB_SERVICE_ID = Pattern.compile(
            "(?i)/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.MachineLearning/webServices/([^/]+)");

    private final ConnectorContext context;
    private final Settings settings;
    private final Http http;
    private final Map<String, HttpPipeline> pipelines = new ConcurrentHashMap<>();

    ArmClient(ConnectorContext context, Settings settings, Http http) {
        this.context = context;
        this.settings = settings;
        this.http = http;
    }

    /** A classic workspace as ARM describes it. */
    record ClassicWorkspace(String armId, String name, String subscriptionId, String location, String workspaceId,
            String state) {
    }

    /** One page of an ARM list. */
    record Page(List<JsonNode> items, String nextLink) {
    }

    static boolean isWorkspaceId(String id) {
        return WORKSPACE_ID.matcher(id).matches();
    }

    static boolean isWebServiceId(String id) {
        return WEB_SERVICE_ID.matcher(id).matches();
    }

    static String subscriptionOf(String armId) {
        Matcher m = Pattern.compile("(?i)^/subscriptions/([^/]+)").matcher(armId);
        return m.find() ? m.group(1) : null;
    }

    List<String> subscriptions(String tenantId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : listAll(tenantId, settings.armEndpoint() + "/subscriptions?api-version=" + SUBSCRIPTIONS_API,
                "Listing the subscriptions of tenant " + tenantId)) {
            String state = Json.text(s, "state");
            if (state == null || !state.equalsIgnoreCase("Disabled")) {
                ids.add(Json.text(s, "subscriptionId"));
            }
        }
        return ids;
    }

    String workspacesUrl(String subscriptionId) {
        return settings.armEndpoint() + "/subscriptions/" + encode(subscriptionId)
                + "/providers/Microsoft.MachineLearning/workspaces?api-version=" + WORKSPACES_API;
    }

    Page page(String tenantId, String url, String operation) {
        JsonNode body = http.call(pipeline(tenantId), HttpMethod.GET, url, null, operation).json(operation);
        List<JsonNode> items = new ArrayList<>();
        Json.get(body, "value").forEach(items::add);
        String next = Json.text(body, "nextLink");
        return new Page(items, next == null || next.isBlank() ? null : next);
    }

    static ClassicWorkspace toWorkspace(JsonNode w) {
        String armId = Json.text(w, "id");
        JsonNode p = Json.get(w, "properties");
        return new ClassicWorkspace(armId, Json.text(w, "name"), subscriptionOf(armId), Json.text(w, "location"),
                Json.text(p, "workspaceId"), Json.text(p, "workspaceState"));
    }

    ClassicWorkspace workspace(String tenantId, String armId) {
        String op = "Reading the Studio (classic) workspace " + armId;
        return toWorkspace(http.call(pipeline(tenantId), HttpMethod.GET, resourceUrl(armId, WORKSPACES_API), null,
                op).json(op));
    }

    Secret workspaceToken(String tenantId, String armId) {
        String op = "Listing the keys of the Studio (classic) workspace " + armId;
        String url = settings.armEndpoint() + armId + "/listWorkspaceKeys?api-version=" + WORKSPACES_API;
        String token = Json.text(http.call(pipeline(tenantId), HttpMethod.POST, url, new byte[0], op).json(op),
                "primaryToken");
        if (token == null) {
            throw new CustomModelsException(op + " returned no primaryToken.");
        }
        return new Secret(token);
    }

    List<JsonNode> webServices(String tenantId, String subscriptionId) {
        return listAll(tenantId, settings.armEndpoint() + "/subscriptions/" + encode(subscriptionId)
                + "/providers/Microsoft.MachineLearning/webServices?api-version=" + WEB_SERVICES_API,
                "Listing the ARM web services of subscription " + subscriptionId);
    }

    JsonNode webService(String tenantId, String armId) {
        String op = "Reading the ARM web service " + armId;
        return http.call(pipeline(tenantId), HttpMethod.GET, resourceUrl(armId, WEB_SERVICES_API), null, op).json(op);
    }

    Secret webServiceKey(String tenantId, String armId) {
        String op = "Listing the keys of the ARM web service " + armId;
        String url = settings.armEndpoint() + armId + "/listKeys?api-version=" + WEB_SERVICES_API;
        String key = Json.text(http.call(pipeline(tenantId), HttpMethod.GET, url, null, op).json(op), "primary");
        if (key == null) {
            throw new CustomModelsException(op + " returned no primary key.");
        }
        return new Secret(key);
    }

    private List<JsonNode> listAll(String tenantId, String firstUrl, String operation) {
        List<JsonNode> all = new ArrayList<>();
        for (String url = firstUrl; url != null;) {
            Page p = page(tenantId, url, operation);
            all.addAll(p.items());
            url = p.nextLink();
        }
        return all;
    }

    private String resourceUrl(String armId, String apiVersion) {
        return settings.armEndpoint() + armId + "?api-version=" + apiVersion;
    }

    private HttpPipeline pipeline(String tenantId) {
        return pipelines.computeIfAbsent(tenantId, t -> context.pipeline(BearerPolicy.token(context.credential(t),
                settings.armScope(), context.clock())));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
