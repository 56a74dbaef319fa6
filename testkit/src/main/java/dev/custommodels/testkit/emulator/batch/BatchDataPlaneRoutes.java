package dev.custommodels.testkit.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.spi.azure.ArmResourceId;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The endpoint data plane of {@link BatchEndpointEmulator} (invoke and job GET on the scoring URI) and the run
 * history routes that carry job errors.
 */
final class BatchDataPlaneRoutes {
    private static final String HISTORY = "/history/v1.0/subscriptions/{sub}/resourceGroups/{rg}/providers/"
            + "Microsoft.MachineLearningServices/workspaces/{ws}";
    private static final String CHILD_SUFFIX = "_batchscoring";
    private static final List<String> ADJECTIVES = List.of("honest", "bold", "quiet", "brave", "calm", "eager");
    private static final List<String> NOUNS = List.of("grape", "egg", "river", "lamp", "stone", "cloud");

    private final BatchEndpointEmulator batch;
    private final BatchJson json;

    BatchDataPlaneRoutes(BatchEndpointEmulator batch) {
        this.batch = batch;
        this.json = new BatchJson(batch);
    }

    void register(Routes routes) {
        routes.post("/inference/{guid}/{ep}/jobs", (r, v) -> invoke(r, v, true));
        routes.get("/inference/{guid}/{ep}/jobs/{job}", this::getJob);
        routes.get(HISTORY + "/runs/{run}", this::getRun);
        routes.get(HISTORY + "/runs/{run}/children", this::getChildren);
    }

    /** Runs an invoke as the service would, without the injected invoke failure; used by fault plans. */
    EmulatorResponse invokeWithoutFaults(EmulatorRequest request) {
        String[] parts = request.path().split("/");
        if (parts.length < 5) {
            return EmulatorResponse.error(404, "NotFound", "No endpoint at " + request.path() + ".");
        }
        return invoke(request, Map.of("guid", parts[2], "ep", parts[3]), false);
    }

    private EmulatorResponse invoke(EmulatorRequest request, Map<String, String> vars, boolean withFaults) {
        Optional<EmulatedBatchEndpoint> endpoint = batch.endpointByGuid(vars.get("guid"), vars.get("ep"));
        if (endpoint.isEmpty()) {
            return EmulatorResponse.error(404, "NotFound", "Endpoint '" + vars.get("ep") + "' was not found.");
        }
        EmulatedBatchEndpoint e = endpoint.get();
        Optional<EmulatorResponse> denied = batch.arm().authorize(request,
                ArmResourceId.parse(e.workspaceId()).subscriptionId(), batch.mlAudiences());
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<String> header = request.header("azureml-model-deployment");
        String depName = header.orElse(e.defaultDeployment().orElse(null));
        if (depName == null) {
            return EmulatorResponse.error(404, "UserError", "No valid deployments to route to. Please check that"
                    + " the endpoint has at least one deployment with positive weight values or use a deployment"
                    + " specific header to route.");
        }
        Optional<EmulatedBatchDeployment> dep = e.deployment(depName);
        if (dep.isEmpty()) {
            return EmulatorResponse.error(404, "UserError", "Deployment '" + depName + "' was not found in"
                    + " endpoint '" + e.name() + "'.");
        }
        JsonNode props;
        try {
            props = field(EmulatorResponse.jsonMapper().readTree(request.body()), "properties");
        } catch (IOException ex) {
            return EmulatorResponse.error(400, "UserError", "The request body is not JSON: " + ex.getMessage());
        }
        if (!field(props, "dataset").isMissingNode()) {
            return EmulatorResponse.error(400, "UserError", "The 'dataset' property is no longer supported by this"
                    + " endpoint; use InputData and OutputData.");
        }
        InvokeValidator.Result parsed = new InvokeValidator(batch).validate(dep.get(), field(props, "inputData"),
                field(props, "outputData"));
        if (!parsed.errors().isEmpty()) {
            return validationError(parsed.errors());
        }
        EmulatedBatchJob job = batch.createJob(newJob(e, dep.get(), parsed, props));
        if (withFaults) {
            Optional<Integer> failure = batch.takeInvokeFailure();
            if (failure.isPresent()) {
                return EmulatorResponse.error(failure.get(), "InternalServerError",
                        "An unexpected error occurred while processing the request.");
            }
        }
        return EmulatorResponse.json(200, json.batchJob(job));
    }

    private EmulatedBatchJob newJob(EmulatedBatchEndpoint e, EmulatedBatchDeployment d, InvokeValidator.Result in,
            JsonNode props) {
        boolean pipeline = d.kind() == EmulatedBatchDeployment.Kind.PIPELINE_COMPONENT;
        String name = (pipeline ? "pipelinejob-" : "batchjob-") + UUID.randomUUID();
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        if (batch.honourInvokeTags()) {
            strings(field(props, "tags")).forEach(tags::put);
            strings(field(props, "properties")).forEach(properties::put);
        }
        tags.put("azureml.batchrun", "true");
        tags.put("azureml.deploymentname", d.name());
        tags.put("azureml.jobtype", pipeline ? "azureml.pipelinejob" : "azureml.batchjob");
        properties.put("azureml.endpointname", e.name());
        properties.put("azureml.deploymentname", d.name());
        properties.put("runSource", "BatchDeployment");
        int n = Math.abs(name.hashCode());
        String display = ADJECTIVES.get(n % ADJECTIVES.size()) + "_" + NOUNS.get((n / 7) % NOUNS.size()) + "_"
                + name.substring(name.length() - 4);
        return new EmulatedBatchJob(name, display, e, d, batch.clock().instant(), in.inputs(), in.outputs(), tags,
                properties);
    }

    private EmulatorResponse getJob(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatedBatchEndpoint> endpoint = batch.endpointByGuid(vars.get("guid"), vars.get("ep"));
        if (endpoint.isEmpty()) {
            return EmulatorResponse.error(404, "NotFound", "Endpoint '" + vars.get("ep") + "' was not found.");
        }
        Optional<EmulatorResponse> denied = batch.arm().authorize(request,
                ArmResourceId.parse(endpoint.get().workspaceId()).subscriptionId(), batch.mlAudiences());
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<EmulatedBatchJob> job = batch.job(vars.get("job")).filter(j -> j.endpoint() == endpoint.get());
        if (job.isEmpty()) {
            return EmulatorResponse.error(404, "NotFound", "Job '" + vars.get("job") + "' was not found.");
        }
        batch.advance(job.get());
        return EmulatorResponse.json(200, json.batchJob(job.get()));
    }

    private EmulatorResponse getRun(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatorResponse> denied = authorizeHistory(request, vars);
        if (denied.isPresent()) {
            return denied.get();
        }
        String run = vars.get("run");
        boolean child = run.endsWith(CHILD_SUFFIX);
        String jobName = child ? run.substring(0, run.length() - CHILD_SUFFIX.length()) : run;
        Optional<EmulatedBatchJob> job = jobOfWorkspace(jobName, vars);
        if (job.isEmpty()) {
            return runNotFound(run);
        }
        EmulatedBatchJob j = job.get();
        return EmulatorResponse.json(200, child ? childRun(j) : json.run(j, j.name(), null,
                j.status().equals("Failed") ? "Pipeline has some failed steps. See child run or execution logs for"
                        + " more details." : null));
    }

    private EmulatorResponse getChildren(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatorResponse> denied = authorizeHistory(request, vars);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<EmulatedBatchJob> job = jobOfWorkspace(vars.get("run"), vars);
        if (job.isEmpty()) {
            return runNotFound(vars.get("run"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", List.of(childRun(job.get())));
        body.put("continuationToken", null);
        body.put("nextLink", null);
        return EmulatorResponse.json(200, body);
    }

    private Map<String, Object> childRun(EmulatedBatchJob j) {
        return json.run(j, j.name() + CHILD_SUFFIX, j.name(), j.status().equals("Failed") ? j.errorMessage() : null);
    }

    private Optional<EmulatedBatchJob> jobOfWorkspace(String name, Map<String, String> vars) {
        return batch.job(name).filter(j -> {
            ArmResourceId id = ArmResourceId.parse(j.endpoint().workspaceId());
            return id.subscriptionId().equalsIgnoreCase(vars.get("sub"))
                    && id.resourceGroup().equalsIgnoreCase(vars.get("rg")) && id.name().equalsIgnoreCase(vars.get("ws"));
        });
    }

    private Optional<EmulatorResponse> authorizeHistory(EmulatorRequest request, Map<String, String> vars) {
        Set<String> audiences = new HashSet<>(ArmEmulator.ARM_AUDIENCES);
        audiences.addAll(batch.mlAudiences());
        return batch.arm().authorize(request, vars.get("sub"), audiences);
    }

    private static EmulatorResponse runNotFound(String run) {
        return EmulatorResponse.error(404, "UserError", "Run " + run + " was not found.");
    }

    private static EmulatorResponse validationError(List<InvokeValidator.Problem> problems) {
        StringBuilder b = new StringBuilder("The Job request provided has the following validation errors. Please"
                + " resolve them and try again. Errors: [");
        for (int i = 0; i < problems.size(); i++) {
            InvokeValidator.Problem p = problems.get(i);
            b.append(i == 0 ? " " : ", ").append("{\"PropertyName\":\"").append(p.property())
                    .append("\",\"ErrorMessage\":\"").append(p.message()).append("\",\"AttemptedValue\":\"")
                    .append(p.attempted() == null ? "" : p.attempted()).append("\",\"ErrorCode\":\"")
                    .append("PredicateValidator\"}");
        }
        return EmulatorResponse.error(400, "UserError", b.append(" ]").toString());
    }

    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
