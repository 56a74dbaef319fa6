package dev.custommodels.connectors.batch.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.spi.azure.ArmClient;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.ArmResourceId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ARM calls of batch endpoints over a shared {@link ArmClient}: endpoints and deployments (following
 * {@code nextLink}), component and model versions, jobs (get, list by tag, cancel).
 */
final class BatchArm {
    private static final ClientLogger LOGGER = new ClientLogger(BatchArm.class);

    private final ArmClient arm;
    private final String apiVersion;

    BatchArm(ArmClient arm, String apiVersion) {
        this.arm = arm;
        this.apiVersion = apiVersion;
    }

    ArmClient arm() {
        return arm;
    }

    /** Reads one page of endpoints: the first when {@code nextLink} is {@code null}. */
    PagedResponse<EndpointInfo> endpointPage(String workspaceId, String nextLink) {
        String ws = ws(workspaceId);
        String url = nextLink != null ? nextLink : arm.endpoint() + ws + "/batchEndpoints?api-version=" + apiVersion;
        return page(url, EndpointInfo::from, "Listing the batch endpoints of workspace '" + ws + "'");
    }

    EndpointInfo getEndpoint(String workspaceId, String endpoint) {
        String ws = ws(workspaceId);
        return EndpointInfo.from(get(arm.endpoint() + ws + "/batchEndpoints/" + encode(endpoint) + "?api-version="
                + apiVersion, "Reading batch endpoint '" + endpoint + "' of workspace '" + ws + "'"));
    }

    List<DeploymentInfo> listDeployments(String workspaceId, String endpoint) {
        String ws = ws(workspaceId);
        return list(arm.endpoint() + ws + "/batchEndpoints/" + encode(endpoint) + "/deployments?api-version="
                + apiVersion, DeploymentInfo::from, "Listing the deployments of batch endpoint '" + endpoint + "'")
                .stream().toList();
    }

    DeploymentInfo getDeployment(String workspaceId, String endpoint, String deployment) {
        String ws = ws(workspaceId);
        return DeploymentInfo.from(get(arm.endpoint() + ws + "/batchEndpoints/" + encode(endpoint) + "/deployments/"
                + encode(deployment) + "?api-version=" + apiVersion, "Reading deployment '" + deployment
                + "' of batch endpoint '" + endpoint + "'"));
    }

    /** Reads a workspace asset (a component or model version) by its ARM id. */
    JsonNode getAsset(String assetId, String what) {
        String id = assetId.startsWith("/") ? assetId : "/" + assetId;
        return get(arm.endpoint() + id + "?api-version=" + apiVersion, "Reading " + what + " '" + id + "'");
    }

    /** Reads a job; empty when ARM does not know it (yet). */
    Optional<JobInfo> getJob(String workspaceId, String jobName) {
        String ws = ws(workspaceId);
        String url = arm.endpoint() + ws + "/jobs/" + encode(jobName) + "?api-version=" + apiVersion;
        try (HttpResponse r = arm.pipeline().sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            if (r.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (r.getStatusCode() / 100 != 2) {
                throw LOGGER.logExceptionAsWarning(ArmException.fromResponse(r, "Reading job '" + jobName + "'"));
            }
            return Optional.of(JobInfo.from(Json.parse(r.getBodyAsBinaryData().toString())));
        }
    }

    /** Lists the jobs of a workspace that carry a tag key, newest first as ARM returns them, up to a page count. */
    List<JobInfo> listJobsWithTag(String workspaceId, String tag, int maxPages) {
        String ws = ws(workspaceId);
        List<JobInfo> out = new ArrayList<>();
        int pages = 0;
        for (PagedResponse<JobInfo> page : list(arm.endpoint() + ws + "/jobs?api-version=" + apiVersion
                + "&listViewType=All&tag=" + encode(tag), JobInfo::from, "Listing the jobs tagged '" + tag
                + "' of workspace '" + ws + "'").iterableByPage()) {
            out.addAll(page.getValue());
            if (++pages >= maxPages) {
                break;
            }
        }
        return out;
    }

    /** Requests cancellation; a job that is finished or gone is left as it is. */
    void cancelJob(String workspaceId, String jobName) {
        String ws = ws(workspaceId);
        String url = arm.endpoint() + ws + "/jobs/" + encode(jobName) + "/cancel?api-version=" + apiVersion;
        try (HttpResponse r = arm.pipeline().sendSync(new HttpRequest(HttpMethod.POST, url), Context.NONE)) {
            int s = r.getStatusCode();
            if (s == 404 || s == 409) {
                LOGGER.info("Job {} was not cancelled: HTTP {} (gone or already finished).", jobName, s);
                return;
            }
            if (s / 100 != 2) {
                throw LOGGER.logExceptionAsWarning(ArmException.fromResponse(r, "Cancelling job '" + jobName + "'"));
            }
            LOGGER.info("Requested cancellation of job {} (HTTP {}).", jobName, s);
        }
    }

    private JsonNode get(String url, String operation) {
        return Json.parse(arm.getText(url, operation));
    }

    private <T> PagedIterable<T> list(String firstUrl, Function<JsonNode, T> mapper, String operation) {
        return new PagedIterable<>(() -> page(firstUrl, mapper, operation), url -> page(url, mapper, operation));
    }

    private <T> PagedResponse<T> page(String url, Function<JsonNode, T> mapper, String operation) {
        JsonNode body = get(url, operation);
        List<T> items = new ArrayList<>();
        JsonNode value = Json.get(body, "value");
        if (value.isArray()) {
            value.forEach(n -> items.add(mapper.apply(n)));
        }
        String next = Json.text(body, "nextLink");
        return new PagedResponseBase<Void, T>(new HttpRequest(HttpMethod.GET, url), 200, null, items,
                next == null || next.isBlank() ? null : next, null);
    }

    static String ws(String workspaceId) {
        return ArmResourceId.parse(workspaceId).id();
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
