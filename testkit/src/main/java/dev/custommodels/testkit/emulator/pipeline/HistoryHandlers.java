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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The routes of the run history API, camelCase as the service emits it. A GET of a run advances it. */
final class HistoryHandlers {
    static final String H = "/history/v1.0/subscriptions/{sub}/resourceGroups/{rg}/providers/"
            + "Microsoft.MachineLearningServices/workspaces/{ws}";
    private static final Pattern TAG_FILTER = Pattern.compile("tags/([^\\s]+)\\s+eq\\s+'([^']*)'",
            Pattern.CASE_INSENSITIVE);
    private static final int PAGE = 2;

    private final PipelineEmulator em;
    private final PipelineHandlers access;

    HistoryHandlers(PipelineEmulator em) {
        this.em = em;
        this.access = new PipelineHandlers(em);
    }

    void register(Routes routes) {
        routes.get(H + "/runs/{runId}", this::getRun);
        routes.get(H + "/runs/{runId}/details", this::getRun);
        routes.get(H + "/experiments/{exp}/runs/{runId}", this::getRun);
        routes.get(H + "/experiments/{exp}/runs/{runId}/details", this::getRun);
        routes.post(H + "/experiments/{exp}/runs:query", this::query);
    }

    private EmulatorResponse getRun(EmulatorRequest request, Map<String, String> vars) {
        Object ws = access.workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        EmulatedRun run = em.runs.get(vars.get("runId"));
        if (run == null || !run.workspaceId.equalsIgnoreCase(((EmulatedWorkspace) ws).id())) {
            return EmulatorResponse.error(404, "UserError", "Run " + vars.get("runId") + " was not found.");
        }
        em.advance(run);
        return EmulatorResponse.json(200, runJson(run));
    }

    private EmulatorResponse query(EmulatorRequest request, Map<String, String> vars) throws IOException {
        Object ws = access.workspaceOrError(request, vars);
        if (ws instanceof EmulatorResponse error) {
            return error;
        }
        JsonNode body = request.body().length == 0 ? EmulatorResponse.jsonMapper().createObjectNode()
                : EmulatorResponse.jsonMapper().readTree(request.body());
        Map<String, String> tagFilter = new LinkedHashMap<>();
        Matcher m = TAG_FILTER.matcher(body.path("filter").asText(""));
        while (m.find()) {
            tagFilter.put(m.group(1), m.group(2));
        }
        List<EmulatedRun> matching = new ArrayList<>();
        for (String id : em.runOrder) {
            EmulatedRun r = em.runs.get(id);
            if (r.workspaceId.equalsIgnoreCase(((EmulatedWorkspace) ws).id())
                    && r.experimentName.equals(vars.get("exp"))
                    && tagFilter.entrySet().stream().allMatch(t -> t.getValue().equals(r.tags.get(t.getKey())))) {
                matching.add(r);
            }
        }
        int skip = body.path("continuationToken").isTextual()
                ? Integer.parseInt(body.path("continuationToken").asText()) : 0;
        List<Object> value = new ArrayList<>();
        for (int i = skip; i < Math.min(matching.size(), skip + PAGE); i++) {
            value.add(runJson(matching.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        out.put("continuationToken", skip + PAGE < matching.size() ? Integer.toString(skip + PAGE) : null);
        out.put("nextLink", null);
        return EmulatorResponse.json(200, out);
    }

    static Object runJson(EmulatedRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        synchronized (run) {
            m.put("runId", run.runId);
            m.put("parentRunId", null);
            m.put("experimentId", run.experimentName);
            m.put("status", run.status);
            m.put("createdUtc", run.created.toString());
            m.put("startTimeUtc", run.started == null ? null : run.started.toString());
            m.put("endTimeUtc", run.ended == null ? null : run.ended.toString());
            m.put("runType", "azureml.PipelineRun");
            m.put("target", "cpu-cluster");
            m.put("description", run.description);
            m.put("tags", run.tags);
            m.put("properties", Map.of("azureml.pipelineid", run.pipeline.id()));
            if (run.errorCode != null) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", run.errorCode);
                error.put("message", run.errorMessage);
                error.put("details", List.of());
                m.put("error", Map.of("error", error, "time", run.ended.toString()));
            } else {
                m.put("error", null);
            }
        }
        return m;
    }
}
