package dev.custommodels.connectors.pipeline.implementation;

import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.connectors.pipeline.AmlPipelineConnectorProvider;
import dev.custommodels.connectors.pipeline.AmlPipelineOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans, stages and submits a pipeline run, and finds a run an interrupted submit already created. The plan is
 * deterministic for a request (experiment, output path, staging folder), so a resumed run finds the same remote
 * run by its {@value #RUN_TAG} tag.
 */
final class RunSubmitter {
    static final String RUN_TAG = "customModelsRunId";
    static final String WORKFLOW_TAG = "customModelsWorkflowId";
    private static final ClientLogger LOGGER = new ClientLogger(RunSubmitter.class);
    private static final String DEFAULT_DATASTORE = "workspaceblobstore";
    private static final int MAX_SUBMIT_ATTEMPTS = 4;
    private static final java.time.Duration MAX_PAUSE = java.time.Duration.ofSeconds(60);

    private final Session session;

    /** What a request becomes: where inputs and outputs go and the handle state. */
    record Plan(Session.Resolved resolved, String experiment, String outputDatastore, String outputPath,
            String inputsFolder, Map<String, String> state) {
    }

    RunSubmitter(Session session) {
        this.session = session;
    }

    JobHandle submit(JobRequest request) {
        Plan plan = plan(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ExperimentName", plan.experiment());
        body.put("Description", "custom-models run " + request.runId() + " of workflow " + request.workflowId());
        body.put("ParameterAssignments", parameters(request, plan));
        Map<String, Object> dataPaths = new LinkedHashMap<>();
        Map<String, Object> datasets = new LinkedHashMap<>();
        stage(request, plan, dataPaths, datasets);
        if (!dataPaths.isEmpty()) {
            body.put("DataPathAssignments", dataPaths);
        }
        if (!datasets.isEmpty()) {
            body.put("DataSetDefinitionValueAssignments", datasets);
        }
        body.put("Tags", Map.of(RUN_TAG, request.runId(), WORKFLOW_TAG, request.workflowId()));
        body.put("RunSource", "SDK");
        EndpointInfo endpoint = plan.resolved().endpoint();
        String url = endpoint.submitUrl() != null ? endpoint.submitUrl()
                : plan.resolved().api().pipelinesPrefix() + "/PipelineRuns/PipelineEndpointSubmit/Id/"
                        + WorkspaceApi.encode(endpoint.id());
        return post(request, plan, url, body);
    }

    /**
     * Posts the submission; on a throttled, failed or lost answer, looks the run up by its tag before trying again,
     * so a run the service created despite the error is adopted rather than submitted twice.
     */
    private JobHandle post(JobRequest request, Plan plan, String url, Map<String, Object> body) {
        WorkspaceApi api = plan.resolved().api();
        String what = "Submitting run " + request.runId() + " to pipeline endpoint '"
                + plan.resolved().endpoint().name() + "'";
        for (int attempt = 1; ; attempt++) {
            WorkspaceApi.Answer answer = null;
            RuntimeException failure = null;
            try {
                answer = api.submitOnce(url, body);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (answer != null && answer.status() / 100 == 2) {
                return accepted(request, plan, answer.body());
            }
            if (answer != null && answer.status() != 429 && answer.status() < 500) {
                api.ok(answer, what);
            }
            Optional<JobHandle> created = findSubmitted(request, plan);
            if (created.isPresent()) {
                return created.get();
            }
            if (attempt >= MAX_SUBMIT_ATTEMPTS) {
                if (answer != null) {
                    api.ok(answer, what + " (" + attempt + " attempts)");
                }
                throw LOGGER.logExceptionAsError(new CustomModelsException(what + " failed after " + attempt
                        + " attempts: " + failure, failure));
            }
            LOGGER.warning("{} failed ({}); no run was created; trying again.", what,
                    answer != null ? "HTTP " + answer.status() : String.valueOf(failure));
            pause(answer == null ? null : answer.retryAfter(), attempt);
        }
    }

    private JobHandle accepted(JobRequest request, Plan plan, JsonNode run) {
        EndpointInfo endpoint = plan.resolved().endpoint();
        String runId = Json.text(run, "Id", "RunId");
        if (runId == null || runId.isBlank()) {
            throw LOGGER.logExceptionAsError(new CustomModelsException("Pipeline endpoint '" + endpoint.name()
                    + "' accepted run " + request.runId() + " but answered without a run Id."));
        }
        LOGGER.info("Submitted run {} to pipeline endpoint {} as pipeline run {}.", request.runId(),
                endpoint.name(), runId);
        return handle(runId, plan, session.context.clock().instant().toString());
    }

    private void pause(java.time.Duration retryAfter, int attempt) {
        java.time.Duration wait = retryAfter != null ? retryAfter : session.context.pollInterval().multipliedBy(attempt);
        if (wait.compareTo(MAX_PAUSE) > 0) {
            wait = MAX_PAUSE;
        }
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis()); // backoff between submission attempts, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomModelsException("Interrupted while submitting run to the pipeline endpoint.", e);
        }
    }

    Optional<JobHandle> findSubmitted(JobRequest request) {
        return findSubmitted(request, plan(request));
    }

    private Optional<JobHandle> findSubmitted(JobRequest request, Plan plan) {
        List<JsonNode> runs = plan.resolved().api().findRuns(plan.experiment(), RUN_TAG, request.runId());
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        String runId = Json.text(runs.get(0), "runId", "RunId", "Id");
        LOGGER.info("Run {} was already submitted as pipeline run {}; adopting it.", request.runId(), runId);
        String created = Json.text(runs.get(0), "createdUtc");
        return Optional.of(handle(runId, plan, created == null ? session.context.clock().instant().toString()
                : created));
    }

    private JobHandle handle(String runId, Plan plan, String submittedAt) {
        Map<String, String> state = new HashMap<>(plan.state());
        state.put(HandleState.SUBMITTED_AT, submittedAt);
        return new JobHandle(AmlPipelineConnectorProvider.NAME, runId, state);
    }

    Plan plan(JobRequest request) {
        String tenant = request.model().tenantId();
        String workspace = request.model().workspaceId();
        Session.Resolved resolved = session.resolve(tenant, workspace, request.model().serviceId());
        List<String> reasons = Eligibility.reasons(resolved.endpoint(), resolved.pipeline());
        if (!reasons.isEmpty()) {
            throw LOGGER.logExceptionAsError(new CustomModelsException("Pipeline endpoint '"
                    + resolved.endpoint().name() + "' cannot run: " + Eligibility.describe(reasons)));
        }
        String dsParam = required(request.output().outputDatastoreParameter(), "outputDatastoreParameter");
        String pathParam = required(request.output().outputPathParameter(), "outputPathParameter");
        PipelineInfo pipeline = resolved.pipeline();
        String outputDatastore = Optional.ofNullable(request.parameters().get(dsParam))
                .or(() -> session.context.option(AmlPipelineOptions.OUTPUT_DATASTORE))
                .or(() -> pipeline.scalar(dsParam).map(PipelineInfo.Scalar::defaultValue))
                .filter(s -> !s.isBlank()).orElse(DEFAULT_DATASTORE);
        String folder = session.context.option(AmlPipelineOptions.DATASTORE_FOLDER).orElse("custom-models");
        String base = trim(folder) + "/" + safe(request.workflowId()) + "/" + safe(request.runId()) + "/";
        String experiment = session.context.option(AmlPipelineOptions.EXPERIMENT_NAME)
                .orElse("custom-models-" + safe(request.workflowId()));
        Map<String, String> state = new LinkedHashMap<>();
        state.put(HandleState.TENANT, tenant);
        state.put(HandleState.WORKSPACE, workspace);
        state.put(HandleState.API_BASE, resolved.api().apiBase());
        state.put(HandleState.ENDPOINT, resolved.endpoint().id());
        state.put(HandleState.EXPERIMENT, experiment);
        state.put(HandleState.OUTPUT_DATASTORE, outputDatastore);
        state.put(HandleState.OUTPUT_PATH, base + "output/");
        if (request.customerIdColumn() != null) {
            state.put(HandleState.CUSTOMER_ID, request.customerIdColumn());
        }
        return new Plan(resolved, experiment, outputDatastore, base + "output/", base + "inputs/", state);
    }

    private Map<String, String> parameters(JobRequest request, Plan plan) {
        PipelineInfo pipeline = plan.resolved().pipeline();
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : request.parameters().entrySet()) {
            if (pipeline.scalar(p.getKey()).isEmpty()) {
                throw LOGGER.logExceptionAsError(new CustomModelsException("Run " + request.runId() + " sets '"
                        + p.getKey() + "', which is not a parameter of pipeline '" + pipeline.name()
                        + "'. Its parameters: " + pipeline.scalars().stream().map(PipelineInfo.Scalar::name).toList()
                        + "."));
            }
            out.put(p.getKey(), p.getValue());
        }
        out.put(request.output().outputDatastoreParameter(), plan.outputDatastore());
        out.put(request.output().outputPathParameter(), plan.outputPath());
        return out;
    }

    private void stage(JobRequest request, Plan plan, Map<String, Object> dataPaths, Map<String, Object> datasets) {
        PipelineInfo pipeline = plan.resolved().pipeline();
        Map<String, LakeStore> stores = new HashMap<>();
        for (StagedInput input : request.inputs()) {
            PipelineInfo.DataParam param = pipeline.dataParam(input.input()).orElseThrow(() ->
                    LOGGER.logExceptionAsError(new CustomModelsException("Input '" + input.input()
                            + "' is not a dataset or datapath parameter of pipeline '" + pipeline.name()
                            + "'. Its data parameters: " + pipeline.data().stream().map(PipelineInfo.DataParam::name)
                                    .toList() + ".")));
            String datastore = session.context.option(AmlPipelineOptions.INPUT_DATASTORE)
                    .orElse(param.datastore() == null ? DEFAULT_DATASTORE : param.datastore());
            LakeStore store = stores.computeIfAbsent(datastore, d -> session.datastore(
                    request.model().tenantId(), request.model().workspaceId(), d));
            String folder = plan.inputsFolder() + safe(input.input()) + "/";
            for (int i = 0; i < input.paths().size(); i++) {
                copy(session.context.lake(), input.paths().get(i), store, folder + String.format("part-%05d.csv", i));
            }
            Map<String, String> location = Map.of("DataStoreName", datastore, "RelativePath", folder);
            if (param.kind() == ParameterKind.DATAPATH) {
                dataPaths.put(input.input(), location);
            } else {
                datasets.put(input.input(), Map.of("LiteralValue", location));
            }
        }
    }

    static void copy(LakeStore from, String fromPath, LakeStore to, String toPath) {
        LakeOutputStream out = to.openWrite(toPath, WriteCondition.none());
        try (InputStream in = from.openRead(fromPath)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e instanceof IOException io ? new UncheckedIOException("Staging '" + fromPath + "' into '"
                    + toPath + "' of " + to.describe() + " failed.", io) : (RuntimeException) e;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Staging '" + fromPath + "' into " + to.describe() + " failed.", e);
        }
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw LOGGER.logExceptionAsError(new CustomModelsException("A pipeline workflow needs output."
                    + what + ": the pipeline parameter that takes the output "
                    + (what.contains("Datastore") ? "datastore" : "path") + ". Set it in the workflow's output"
                    + " settings."));
        }
        return value;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String trim(String folder) {
        String f = folder.startsWith("/") ? folder.substring(1) : folder;
        return f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
    }
}
