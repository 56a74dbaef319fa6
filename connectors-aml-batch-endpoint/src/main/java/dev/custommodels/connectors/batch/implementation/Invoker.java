package dev.custommodels.connectors.batch.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.spi.azure.BearerTokenPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invokes a batch endpoint's scoring URI with a token for the Azure Machine Learning audience, and never repeats
 * an invoke blindly: the request goes through the client's pipeline minus its retry policy, and after a failure
 * that may have reached the service the run's job is looked for (by tag, then by folder) and adopted before any
 * new invoke.
 */
final class Invoker {
    /** The tag with the run's attempt folder. */
    static final String FOLDER_TAG = "customModels.folder";
    private static final String WORKFLOW_TAG = "customModels.workflowId";
    private static final int LOOKUPS = 2;
    private static final ClientLogger LOGGER = new ClientLogger(Invoker.class);

    private final ConnectorContext context;
    private final String audience;
    private final int attempts;

    Invoker(ConnectorContext context, String audience, int attempts) {
        this.context = context;
        this.audience = audience;
        this.attempts = attempts;
    }

    /**
     * Builds the invoke pipeline: the client's policies except any retry policy, then a bearer token for the ML
     * audience.
     */
    HttpPipeline pipeline(String tenantId) {
        HttpPipeline full = context.pipeline(new BearerTokenPolicy(context.credential(tenantId),
                audience + "/.default", tenantId));
        List<HttpPipelinePolicy> kept = new ArrayList<>();
        for (int i = 0; i < full.getPolicyCount(); i++) {
            if (!(full.getPolicy(i) instanceof RetryPolicy)) {
                kept.add(full.getPolicy(i));
            }
        }
        return new HttpPipelineBuilder().httpClient(full.getHttpClient())
                .policies(kept.toArray(new HttpPipelinePolicy[0])).build();
    }

    /** Builds the invoke body: inputs, outputs, and the run's tags and properties. */
    static Map<String, Object> body(Submission.Plan plan, String runId, String workflowId, String folder) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put(BatchEndpointOptions.RUN_ID_TAG, runId);
        tags.put(WORKFLOW_TAG, workflowId);
        tags.put(FOLDER_TAG, folder);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("InputData", plan.inputData());
        props.put("OutputData", plan.outputData());
        props.put("tags", tags);
        props.put("properties", Map.of(BatchEndpointOptions.RUN_ID_TAG, runId));
        props.put("description", "custom-models run " + runId + " of workflow " + workflowId);
        return Map.of("properties", props);
    }

    /**
     * Invokes and returns the job name, adopting a job the run already has after an ambiguous failure.
     *
     * @throws ArmException when the service refuses the invoke (4xx)
     * @throws CustomModelsException when every attempt failed and no job of the run exists
     */
    String invoke(BatchArm arm, HttpPipeline pipeline, Target t, String runId, String runFolder,
            String attemptFolder, Map<String, Object> body) {
        Instant started = context.clock().instant();
        String operation = "Invoking batch endpoint '" + t.endpoint().name() + "' (deployment '"
                + t.deployment().name() + "') with a token for audience " + audience;
        byte[] json = Json.write(body).getBytes(StandardCharsets.UTF_8);
        String requestId = UUID.nameUUIDFromBytes((runId + "|" + body.hashCode()).getBytes(StandardCharsets.UTF_8))
                .toString();
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            HttpRequest request = new HttpRequest(HttpMethod.POST, t.endpoint().scoringUri()).setBody(json)
                    .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
                    .setHeader(HttpHeaderName.fromString("azureml-model-deployment"), t.deployment().name())
                    .setHeader(HttpHeaderName.fromString("repeatability_request-id"), requestId);
            Optional<String> name = send(pipeline, request, operation, failures);
            if (name.isPresent()) {
                LOGGER.info("Run {}: invoked batch endpoint {}, job {}.", runId, t.endpoint().name(), name.get());
                return name.get();
            }
            Optional<JobFinder.Found> found = lookUp(arm, t.workspaceId(), runId, runFolder, attemptFolder, started);
            if (found.isPresent()) {
                LOGGER.warning("Run {}: the invoke failed ({}) but created job {}; adopting it.", runId,
                        failures.get(failures.size() - 1), found.get().job().name());
                return found.get().job().name();
            }
            LOGGER.warning("Run {}: invoke attempt {} of {} failed ({}) and created no job.", runId, attempt,
                    attempts, failures.get(failures.size() - 1));
            pause();
        }
        throw LOGGER.logExceptionAsWarning(new CustomModelsException(operation + " failed " + attempts + " times "
                + failures + "; no job of run " + runId + " exists (looked up by tag " + BatchEndpointOptions.RUN_ID_TAG
                + " and by its datastore folder " + attemptFolder + "). Check the endpoint's health and run again."));
    }

    /** Sends one invoke: the job name on success, empty on an ambiguous failure, an exception on a refusal. */
    private static Optional<String> send(HttpPipeline pipeline, HttpRequest request, String operation,
            List<String> failures) {
        HttpResponse response;
        try {
            response = pipeline.sendSync(request, Context.NONE);
        } catch (RuntimeException e) {
            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
        try (response) {
            int status = response.getStatusCode();
            if (status / 100 == 2) {
                JsonNode job = Json.parse(response.getBodyAsBinaryData().toString());
                String name = Json.text(job, "name");
                if (name == null) {
                    String id = Json.text(job, "id");
                    name = id == null ? null : id.substring(id.lastIndexOf('/') + 1);
                }
                if (name == null || name.isBlank()) {
                    throw new CustomModelsException(operation + " answered HTTP " + status + " without a job name.");
                }
                return Optional.of(name);
            }
            if (status == 408 || status == 429 || status >= 500) {
                failures.add("HTTP " + status);
                return Optional.empty();
            }
            throw LOGGER.logExceptionAsWarning(ArmException.fromResponse(response, operation));
        }
    }

    private Optional<JobFinder.Found> lookUp(BatchArm arm, String workspaceId, String runId, String runFolder,
            String attemptFolder, Instant started) {
        for (int i = 0; i < LOOKUPS; i++) {
            if (i > 0) {
                pause();
            }
            Optional<JobFinder.Found> found = JobFinder.find(arm, workspaceId, runId, runFolder, attemptFolder,
                    started);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void pause() {
        Duration d = context.pollInterval();
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomModelsException("Interrupted while waiting to look up the run's job.", e);
        }
    }
}
