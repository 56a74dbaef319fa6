package dev.custommodels.connectors.batch.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.ArmWorkspace;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads the error of a failed job from run history ({@code {api}/history/v1.0/…/runs/{job}} and its children), as
 * neither the ARM job nor the data-plane job carries one. The {@code api} host comes from the workspace's
 * discovery document. Calls use the ARM token and, when it is refused, the Azure Machine Learning one.
 */
final class RunHistory {
    private static final ClientLogger LOGGER = new ClientLogger(RunHistory.class);

    /**
     * A job's error.
     *
     * @param code the error code, or {@code null}
     * @param message the message; never blank
     */
    record Error(String code, String message) {
    }

    private final Map<String, String> apiHosts = new ConcurrentHashMap<>();

    Error error(BatchArm arm, Supplier<HttpPipeline> mlPipeline, String workspaceId, String jobName) {
        try {
            String base = api(arm, workspaceId) + "/history/v1.0" + BatchArm.ws(workspaceId) + "/runs/"
                    + BatchArm.encode(jobName);
            JsonNode run = get(arm, mlPipeline, base, "Reading run " + jobName + " from run history");
            Error parent = errorOf(run);
            JsonNode children = get(arm, mlPipeline, base + "/children", "Reading the steps of run " + jobName);
            Error child = null;
            JsonNode value = Json.get(children, "value");
            if (value.isArray()) {
                for (JsonNode c : value) {
                    Error e = errorOf(c);
                    if (e != null) {
                        child = new Error(e.code(), "step " + Json.text(c, "runId") + ": " + e.message());
                        break;
                    }
                }
            }
            if (parent == null && child == null) {
                return new Error(null, "Job " + jobName + " failed; run history holds no error for it. See the job"
                        + " in Azure Machine Learning studio for its logs.");
            }
            if (parent == null) {
                return child;
            }
            return child == null ? parent : new Error(child.code() != null ? child.code() : parent.code(),
                    parent.message() + " Cause: " + child.message());
        } catch (RuntimeException e) {
            LOGGER.warning("Reading the error of job {} from run history failed: {}", jobName, e.getMessage());
            return new Error(null, "Job " + jobName + " failed; its error could not be read from run history ("
                    + e.getMessage() + ").");
        }
    }

    private static Error errorOf(JsonNode run) {
        JsonNode error = Json.get(run, "error");
        JsonNode detail = Json.get(error, "error");
        if (detail.isMissingNode() || detail.isNull()) {
            detail = error;
        }
        String message = Json.text(detail, "message");
        if (message == null || message.isBlank()) {
            return null;
        }
        return new Error(Json.text(detail, "code"), message);
    }

    private static JsonNode get(BatchArm arm, Supplier<HttpPipeline> mlPipeline, String url, String operation) {
        try {
            return Json.parse(arm.arm().getText(url, operation));
        } catch (ArmException e) {
            if (e.getStatusCode() != 401) {
                throw e;
            }
        }
        try (HttpResponse r = mlPipeline.get().sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            if (r.getStatusCode() / 100 != 2) {
                throw ArmException.fromResponse(r, operation);
            }
            return Json.parse(r.getBodyAsBinaryData().toString());
        }
    }

    private String api(BatchArm arm, String workspaceId) {
        return apiHosts.computeIfAbsent(workspaceId.toLowerCase(Locale.ROOT), k -> {
            ArmWorkspace w = arm.arm().getWorkspace(workspaceId);
            if (w.discoveryUrl() != null) {
                try {
                    String api = Json.text(Json.parse(arm.arm().getText(w.discoveryUrl(),
                            "Reading the discovery document of workspace '" + w.name() + "'")), "api");
                    if (api != null && !api.isBlank()) {
                        return api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
                    }
                } catch (RuntimeException e) {
                    LOGGER.info("Discovery for workspace {} failed ({}); using the regional host.", w.name(),
                            e.getMessage());
                }
            }
            return "https://" + w.location() + ".api.azureml.ms";
        });
    }
}
