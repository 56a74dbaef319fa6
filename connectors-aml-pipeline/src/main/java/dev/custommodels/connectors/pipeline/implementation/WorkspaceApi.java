package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.ArmResourceId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-plane calls for one workspace: pipelines ({@code {api}/pipelines/v1.0/...}) and run history
 * ({@code {api}/history/v1.0/...}). Sends the ARM-audience token and, when a call answers 401, retries once with
 * the Azure Machine Learning audience.
 */
final class WorkspaceApi {
    static final String HISTORY_API_VERSION = "2022-05-01";
    private static final ClientLogger LOGGER = new ClientLogger(WorkspaceApi.class);

    /** An answer: status, parsed body and the Retry-After the service asked for. */
    record Answer(int status, JsonNode body, Duration retryAfter) {
    }

    private final HttpPipeline armAudience;
    private final HttpPipeline mlAudience;
    private final HttpPipeline[] once;
    private final String apiBase;
    private final String workspacePath;

    /**
     * Creates the API.
     *
     * @param armAudience the pipeline with the client's retries and an ARM-audience token
     * @param mlAudience the same with an Azure Machine Learning audience token
     * @param once pipelines without retries (ARM audience, then ML audience), for non-idempotent submissions
     * @param apiBase the API host
     * @param workspaceId the workspace's resource id
     */
    WorkspaceApi(HttpPipeline armAudience, HttpPipeline mlAudience, HttpPipeline[] once, String apiBase,
            String workspaceId) {
        this.armAudience = armAudience;
        this.mlAudience = mlAudience;
        this.once = once.clone();
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.workspacePath = ArmResourceId.parse(workspaceId).id();
    }

    String apiBase() {
        return apiBase;
    }

    String pipelinesPrefix() {
        return apiBase + "/pipelines/v1.0" + workspacePath;
    }

    String historyPrefix() {
        return apiBase + "/history/v1.0" + workspacePath;
    }

    List<EndpointInfo> listEndpoints() {
        JsonNode body = ok(send(HttpMethod.GET, pipelinesPrefix() + "/PipelineEndpoints?activeOnly=false", null),
                "Listing the pipeline endpoints of workspace '" + workspacePath + "'");
        List<EndpointInfo> out = new ArrayList<>();
        Json.items(body).forEach(n -> out.add(EndpointInfo.parse(n)));
        return out;
    }

    List<JsonNode> listPipelines() {
        JsonNode body = ok(send(HttpMethod.GET, pipelinesPrefix() + "/Pipelines?activeOnly=false", null),
                "Listing the published pipelines of workspace '" + workspacePath + "'");
        return Json.items(body);
    }

    /** Reads a pipeline with its interface; the interface is optional (its route is not documented). */
    PipelineInfo pipeline(String pipelineId) {
        JsonNode p = ok(send(HttpMethod.GET, pipelinesPrefix() + "/Pipelines/" + encode(pipelineId), null),
                "Reading published pipeline '" + pipelineId + "'");
        return PipelineInfo.parse(p, graphInterface(Json.text(p, "GraphId")));
    }

    JsonNode graphInterface(String graphId) {
        if (graphId == null) {
            return null;
        }
        Answer a = send(HttpMethod.GET, pipelinesPrefix() + "/Graphs/" + encode(graphId) + "/interface", null);
        if (a.status() / 100 != 2) {
            LOGGER.info("The interface of graph {} is not available (HTTP {}); using the pipeline's defaults.",
                    graphId, a.status());
            return null;
        }
        return a.body();
    }

    /**
     * Posts a submission once, without the client's automatic retries (a retried POST whose first answer was lost
     * would create a second run); the caller decides whether to retry.
     */
    Answer submitOnce(String url, Map<String, Object> body) {
        String json = Json.write(body);
        Answer first = sendWith(once[0], HttpMethod.POST, url, json);
        return first.status() == 401 ? sendWith(once[1], HttpMethod.POST, url, json) : first;
    }

    Answer getRun(String runId) {
        return send(HttpMethod.GET, historyPrefix() + "/runs/" + encode(runId) + "?api-version="
                + HISTORY_API_VERSION, null);
    }

    /** Lists the runs of an experiment that carry a tag, following continuation tokens. */
    List<JsonNode> findRuns(String experiment, String tag, String value) {
        List<JsonNode> out = new ArrayList<>();
        String token = null;
        String url = historyPrefix() + "/experiments/" + encode(experiment) + "/runs:query?api-version="
                + HISTORY_API_VERSION;
        for (int page = 0; page < 1000; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("filter", "tags/" + tag + " eq '" + value.replace("'", "''") + "'");
            query.put("top", 100);
            if (token != null) {
                query.put("continuationToken", token);
            }
            Answer a = send(HttpMethod.POST, url, Json.write(query));
            if (a.status() == 404) {
                return out;
            }
            JsonNode body = ok(a, "Querying the runs of experiment '" + experiment + "'");
            for (JsonNode run : Json.items(body)) {
                if (value.equals(Json.text(Json.get(run, "tags"), tag))) {
                    out.add(run);
                }
            }
            token = Json.text(body, "continuationToken");
            if (token == null || token.isBlank()) {
                return out;
            }
        }
        return out;
    }

    /** Cancels a run: {@code DELETE .../Execution}, else {@code POST .../Cancel}. */
    Answer cancel(String runId) {
        String run = pipelinesPrefix() + "/PipelineRuns/" + encode(runId);
        Answer a = send(HttpMethod.DELETE, run + "/Execution", null);
        if (a.status() == 404 || a.status() == 405) {
            a = send(HttpMethod.POST, run + "/Cancel", "{}");
        }
        return a;
    }

    JsonNode ok(Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw LOGGER.logExceptionAsWarning(ArmException.fromParts(what, a.status(), null,
                    a.body().isMissingNode() ? "" : a.body().toString()));
        }
        return a.body();
    }

    Answer send(HttpMethod method, String url, String body) {
        Answer first = sendWith(armAudience, method, url, body);
        if (first.status() == 401 && mlAudience != null) {
            return sendWith(mlAudience, method, url, body);
        }
        return first;
    }

    private static Answer sendWith(HttpPipeline pipeline, HttpMethod method, String url, String body) {
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setBody(body).setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            JsonNode parsed = Json.parse(text);
            if (parsed.isMissingNode() && !text.isBlank()) {
                parsed = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("message", text.length() > 2000 ? text.substring(0, 2000) : text);
            }
            return new Answer(response.getStatusCode(), parsed, retryAfter(response));
        }
    }

    private static Duration retryAfter(HttpResponse response) {
        String v = response.getHeaders().getValue(HttpHeaderName.RETRY_AFTER);
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
