package dev.custommodels.testkit.emulator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routes of the pipelines (AEVA) API, PascalCase as the service emits it. */
final class PipelineHandlers {
    static final String P = "/pipelines/v1.0/subscriptions/{sub}/resourceGroups/{rg}/providers/"
            + "Microsoft.MachineLearningServices/workspaces/{ws}";
    private static final Map<String, Integer> TYPE_CODES = Map.of("Int", 0, "Double", 1, "Bool", 2, "String", 3);

    private final PipelineEmulator em;

    PipelineHandlers(PipelineEmulator em) {
        this.em = em;
    }

    void register(Routes routes) {
        routes.get(P + "/PipelineEndpoints", this::listEndpoints);
        routes.get(P + "/Pipelines", this::listPipelines);
        routes.get(P + "/Pipelines/{id}", this::getPipeline);
        routes.get(P + "/Graphs/{graphId}/interface", this::graphInterface);
        routes.post(P + "/PipelineRuns/PipelineEndpointSubmit/Id/{id}", this::submitToEndpoint);
        routes.post(P + "/PipelineRuns/PipelineSubmit/{id}", this::submitToPipeline);
        routes.get(P + "/PipelineRuns/{runId}", this::getPipelineRun);
        routes.delete(P + "/PipelineRuns/{runId}/Execution", this::cancel);
        routes.post(P + "/PipelineRuns/{runId}/Cancel", this::cancel);
    }

    /** Checks the token and finds the workspace; returns the workspace or the error to send. */
    Object workspaceOrError(EmulatorRequest request, Map<String, String> vars) {
        Optional<EmulatorResponse> denied = em.arm.authorize(request, vars.get("sub"), em.audiences);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<EmulatedWorkspace> ws = em.arm.findWorkspace(vars.get("sub"), vars.get("rg"), vars.get("ws"));
        if (ws.isEmpty()) {
            return EmulatorResponse.error(404, "ResourceNotFound", "Workspace '" + vars.get("ws") + "' not found.");
        }
        return ws.get();
    }

    private EmulatorResponse listEndpoints(EmulatorRequest request, Map<String, String> vars) {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        boolean activeOnly = request.queryParam("activeOnly").map(Boolean::parseBoolean).orElse(true);
        List<Object> out = new ArrayList<>();
        for (Pipelines.Endpoint e : em.endpoints) {
            if (e.workspaceId().equalsIgnoreCase(((EmulatedWorkspace) ws).id()) && (e.active() || !activeOnly)) {
                out.add(endpointJson(vars, e));
            }
        }
        return EmulatorResponse.json(200, out);
    }

    private EmulatorResponse listPipelines(EmulatorRequest request, Map<String, String> vars) {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        boolean activeOnly = request.queryParam("activeOnly").map(Boolean::parseBoolean).orElse(true);
        List<Object> out = new ArrayList<>();
        for (Pipelines.Pipeline p : em.pipelines.values()) {
            boolean active = p.definition().status().equals("Active");
            if (p.workspaceId().equalsIgnoreCase(((EmulatedWorkspace) ws).id()) && (active || !activeOnly)) {
                out.add(pipelineJson(vars, p));
            }
        }
        return EmulatorResponse.json(200, out);
    }

    private EmulatorResponse getPipeline(EmulatorRequest request, Map<String, String> vars) {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        Pipelines.Pipeline p = em.pipelines.get(vars.get("id"));
        if (p == null || !p.workspaceId().equalsIgnoreCase(((EmulatedWorkspace) ws).id())) {
            return EmulatorResponse.error(404, "NotFound", "Pipeline '" + vars.get("id") + "' was not found.");
        }
        return EmulatorResponse.json(200, pipelineJson(vars, p));
    }

    private EmulatorResponse graphInterface(EmulatorRequest request, Map<String, String> vars) {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        Optional<Pipelines.Pipeline> p = em.pipelines.values().stream()
                .filter(x -> x.graphId().equalsIgnoreCase(vars.get("graphId"))).findFirst();
        if (p.isEmpty()) {
            return EmulatorResponse.error(404, "NotFound", "Graph '" + vars.get("graphId") + "' was not found.");
        }
        PipelineDefinition def = p.get().definition();
        List<Object> parameters = new ArrayList<>();
        def.parameters().forEach(x -> {
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("Name", x.name());
            param.put("DefaultValue", x.defaultValue());
            param.put("IsOptional", false);
            param.put("Type", TYPE_CODES.getOrDefault(x.type(), 4));
            parameters.add(param);
        });
        List<Object> dataPaths = new ArrayList<>();
        def.dataPathParameters().forEach(x -> dataPaths.add(Map.of("Name", x.name(), "DefaultValue",
                Map.of("DataStoreName", x.datastore(), "RelativePath", x.relativePath()), "IsOptional", false,
                "DataTypeId", "AnyFile")));
        List<Object> datasets = new ArrayList<>();
        def.datasetParameters().forEach(x -> datasets.add(Map.of("Name", x, "IsOptional", false)));
        return EmulatorResponse.json(200, Map.of("Parameters", parameters, "DataPathParameters", dataPaths,
                "DataPathParameterList", datasets));
    }

    private EmulatorResponse submitToEndpoint(EmulatorRequest request, Map<String, String> vars) throws IOException {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        Optional<Pipelines.Endpoint> e = em.endpoint(((EmulatedWorkspace) ws).id(), vars.get("id"));
        if (e.isEmpty()) {
            return EmulatorResponse.error(404, "NotFound", "PipelineEndpoint '" + vars.get("id") + "' not found.");
        }
        if (!e.get().active()) {
            return EmulatorResponse.error(400, "UserError", "PipelineEndpoint '" + e.get().name()
                    + "' is disabled and cannot be submitted.");
        }
        String version = request.queryParam("pipelineVersion").orElse(e.get().defaultVersion());
        String pipelineId = e.get().versions().get(version);
        if (pipelineId == null) {
            return EmulatorResponse.error(400, "UserError", "PipelineEndpoint '" + e.get().name()
                    + "' has no version '" + version + "'.");
        }
        return submit(request, (EmulatedWorkspace) ws, em.pipelines.get(pipelineId), e.get().id());
    }

    private EmulatorResponse submitToPipeline(EmulatorRequest request, Map<String, String> vars) throws IOException {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        Pipelines.Pipeline p = em.pipelines.get(vars.get("id"));
        if (p == null || !p.workspaceId().equalsIgnoreCase(((EmulatedWorkspace) ws).id())) {
            return EmulatorResponse.error(404, "NotFound", "Pipeline '" + vars.get("id") + "' was not found.");
        }
        return submit(request, (EmulatedWorkspace) ws, p, null);
    }

    private EmulatorResponse submit(EmulatorRequest request, EmulatedWorkspace ws, Pipelines.Pipeline pipeline,
            String endpointId) throws IOException {
        PipelineDefinition def = pipeline.definition();
        if (!def.status().equals("Active")) {
            return EmulatorResponse.error(400, "UserError", "Pipeline '" + def.name() + "' is " + def.status()
                    + "; only Active pipelines can be submitted.");
        }
        JsonNode body = request.body().length == 0 ? null : EmulatorResponse.jsonMapper().readTree(request.body());
        String experiment = body == null ? "" : body.path("ExperimentName").asText("");
        if (experiment.isBlank()) {
            return EmulatorResponse.error(400, "UserError", "ExperimentName is required.");
        }
        Map<String, String> parameters = em.effectiveParameters(def);
        for (Map.Entry<String, JsonNode> a : body.path("ParameterAssignments").properties()) {
            if (!parameters.containsKey(a.getKey())) {
                return EmulatorResponse.error(400, "UserError", "Unknown pipeline parameter '" + a.getKey()
                        + "'. The pipeline's parameters are " + parameters.keySet() + ".");
            }
            parameters.put(a.getKey(), a.getValue().asText());
        }
        Object inputs = SubmitInputs.resolve(em, def, body);
        if (inputs instanceof EmulatorResponse error) {
            return error;
        }
        @SuppressWarnings("unchecked")
        Map<String, String[]> dataInputs = (Map<String, String[]>) inputs;
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("Tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
        EmulatedRun run = em.createRun(ws, pipeline, endpointId, experiment, body.path("Description").asText(null),
                parameters, dataInputs, tags);
        if (run.loseSubmitResponse) {
            return EmulatorResponse.error(504, "GatewayTimeout", "The operation timed out.");
        }
        return EmulatorResponse.json(200, pipelineRunJson(run));
    }

    private EmulatorResponse getPipelineRun(EmulatorRequest request, Map<String, String> vars) {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        EmulatedRun run = em.runs.get(vars.get("runId"));
        if (run == null || !run.workspaceId.equalsIgnoreCase(((EmulatedWorkspace) ws).id())) {
            return EmulatorResponse.error(404, "NotFound", "PipelineRun '" + vars.get("runId") + "' not found.");
        }
        return EmulatorResponse.json(200, pipelineRunJson(run));
    }

    private EmulatorResponse cancel(EmulatorRequest request, Map<String, String> vars) {
        Object ws = workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        EmulatedRun run = em.runs.get(vars.get("runId"));
        if (run == null || !run.workspaceId.equalsIgnoreCase(((EmulatedWorkspace) ws).id())) {
            return EmulatorResponse.error(404, "NotFound", "PipelineRun '" + vars.get("runId") + "' not found.");
        }
        em.cancel(run);
        return EmulatorResponse.empty(200);
    }

    private String prefix(Map<String, String> vars) {
        return em.baseUrl + P.replace("{sub}", vars.get("sub")).replace("{rg}", vars.get("rg"))
                .replace("{ws}", vars.get("ws"));
    }

    private Object endpointJson(Map<String, String> vars, Pipelines.Endpoint e) {
        List<Object> versions = new ArrayList<>();
        e.versions().forEach((v, id) -> versions.add(Map.of("Version", v, "PipelineId", id)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", e.id());
        m.put("Name", e.name());
        m.put("Description", "Pipeline endpoint " + e.name());
        m.put("Status", e.active() ? "Active" : "Disabled");
        m.put("DefaultVersion", e.defaultVersion());
        m.put("Endpoint", prefix(vars) + "/PipelineRuns/PipelineEndpointSubmit/Id/" + e.id());
        m.put("SwaggerUrl", prefix(vars) + "/PipelineEndpoints/" + e.id() + "/swagger");
        m.put("PipelineVersionList", versions);
        return m;
    }

    private Object pipelineJson(Map<String, String> vars, Pipelines.Pipeline p) {
        PipelineDefinition def = p.definition();
        Map<String, Object> defaults = new LinkedHashMap<>();
        def.parameters().forEach(x -> defaults.put(x.name(), x.defaultValue()));
        Map<String, Object> datasetDefaults = new LinkedHashMap<>();
        def.datasetParameters().forEach(x -> datasetDefaults.put(x, Map.of("SavedDataSetReference",
                Map.of("Id", "default-" + x))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", p.id());
        m.put("Name", def.name());
        m.put("Description", "Published pipeline " + def.name());
        m.put("Version", "1");
        m.put("EntityStatus", def.status());
        m.put("Url", prefix(vars) + "/PipelineRuns/PipelineSubmit/" + p.id());
        m.put("GraphId", p.graphId());
        m.put("ParameterAssignments", defaults);
        m.put("DataSetDefinitionValueAssignments", datasetDefaults);
        m.put("TotalRunSteps", 1);
        m.put("ContinueRunOnStepFailure", false);
        m.put("Tags", Map.of());
        return m;
    }

    static Object pipelineRunJson(EmulatedRun run) {
        String code;
        synchronized (run) {
            code = switch (run.status) {
                case "Completed" -> "Finished";
                case "Failed", "Canceled", "NotStarted" -> run.status;
                default -> "Running";
            };
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("StatusCode", code);
        status.put("StatusDetail", null);
        status.put("CreationTime", run.created.toString());
        status.put("EndTime", run.ended == null ? null : run.ended.toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", run.runId);
        m.put("ExperimentName", run.experimentName);
        m.put("Description", run.description);
        m.put("PipelineId", run.pipeline.id());
        m.put("PipelineEndpointId", run.endpointId);
        m.put("Status", status);
        m.put("Tags", run.tags);
        m.put("RunSource", "SDK");
        return m;
    }
}
