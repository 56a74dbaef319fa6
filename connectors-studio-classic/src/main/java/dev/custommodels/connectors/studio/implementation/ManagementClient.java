package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.spi.ConnectorContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The classic management API: web services and endpoints of a workspace, with the workspace token. */
final class ManagementClient {
    private static final Map<String, String> REGIONAL = Map.of(
            "westeurope", "https://europewest.management.azureml.net",
            "southeastasia", "https://asiasoutheast.management.azureml.net",
            "japaneast", "https://japaneast.management.azureml.net",
            "westcentralus", "https://uswestcentral.management.azureml.net",
            "germanycentral", "https://germanycentral.management.azureml.de");

    private final ConnectorContext context;
    private final Settings settings;
    private final Http http;

    ManagementClient(ConnectorContext context, Settings settings, Http http) {
        this.context = context;
        this.settings = settings;
        this.http = http;
    }

    /** The management endpoint of a workspace region, unless an option overrides it. */
    String endpointFor(String location) {
        if (settings.managementEndpoint() != null) {
            return settings.managementEndpoint();
        }
        String key = location == null ? "" : location.replace(" ", "").toLowerCase(Locale.ROOT);
        return REGIONAL.getOrDefault(key, "https://management.azureml.net");
    }

    List<JsonNode> webServices(ArmClient.ClassicWorkspace ws, Secret token) {
        String op = "Listing the web services of workspace " + ws.name();
        return list(get(ws, token, "/webservices", op), op);
    }

    JsonNode webService(ArmClient.ClassicWorkspace ws, Secret token, String serviceId) {
        String op = "Reading web service " + serviceId + " of workspace " + ws.name();
        return get(ws, token, "/webservices/" + encode(serviceId), op).json(op);
    }

    List<JsonNode> endpoints(ArmClient.ClassicWorkspace ws, Secret token, String serviceId) {
        String op = "Listing the endpoints of web service " + serviceId;
        return list(get(ws, token, "/webservices/" + encode(serviceId) + "/endpoints", op), op);
    }

    JsonNode endpoint(ArmClient.ClassicWorkspace ws, Secret token, String serviceId, String endpoint) {
        String op = "Reading endpoint '" + endpoint + "' of web service " + serviceId;
        return get(ws, token, "/webservices/" + encode(serviceId) + "/endpoints/" + encode(endpoint), op).json(op);
    }

    private Http.Reply get(ArmClient.ClassicWorkspace ws, Secret token, String path, String operation) {
        HttpPipeline pipeline = context.pipeline(BearerPolicy.of(token::value));
        String url = endpointFor(ws.location()) + "/workspaces/" + encode(ws.workspaceId()) + path;
        return http.call(pipeline, HttpMethod.GET, url, null, operation);
    }

    private static List<JsonNode> list(Http.Reply reply, String operation) {
        JsonNode body = reply.json(operation);
        JsonNode items = body.isArray() ? body : Json.get(body, "value");
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
