package dev.custommodels.testkit.emulator.batch;

import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The ARM routes of {@link BatchEndpointEmulator}: endpoints, deployments, assets and jobs. */
final class BatchArmRoutes {
    private static final String WS = "/subscriptions/{sub}/resourceGroups/{rg}/providers/"
            + "Microsoft.MachineLearningServices/workspaces/{ws}";

    private final BatchEndpointEmulator batch;
    private final BatchJson json;

    BatchArmRoutes(BatchEndpointEmulator batch) {
        this.batch = batch;
        this.json = new BatchJson(batch);
    }

    void register(Routes routes) {
        routes.get(WS + "/batchEndpoints", this::listEndpoints);
        routes.get(WS + "/batchEndpoints/{ep}", this::getEndpoint);
        routes.get(WS + "/batchEndpoints/{ep}/deployments", this::listDeployments);
        routes.get(WS + "/batchEndpoints/{ep}/deployments/{dep}", this::getDeployment);
        routes.get(WS + "/components/{name}/versions/{version}", this::getComponent);
        routes.get(WS + "/models/{name}/versions/{version}", this::getModel);
        routes.get(WS + "/jobs", this::listJobs);
        routes.get(WS + "/jobs/{job}", this::getJob);
        routes.post(WS + "/jobs/{job}/cancel", this::cancelJob);
    }

    private EmulatorResponse listEndpoints(EmulatorRequest request, Map<String, String> vars) {
        return withWorkspace(request, vars, w -> page(request, batch.endpoints(w.id()), json::endpoint));
    }

    private EmulatorResponse getEndpoint(EmulatorRequest request, Map<String, String> vars) {
        return withEndpoint(request, vars, e -> ok(json.endpoint(e)));
    }

    private EmulatorResponse listDeployments(EmulatorRequest request, Map<String, String> vars) {
        return withEndpoint(request, vars, e -> page(request, e.deployments(), d -> json.deployment(e, d)));
    }

    private EmulatorResponse getDeployment(EmulatorRequest request, Map<String, String> vars) {
        return withEndpoint(request, vars, e -> e.deployment(vars.get("dep")).map(d -> ok(json.deployment(e, d)))
                .orElseGet(() -> notFound("Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments",
                        vars.get("ep") + "/" + vars.get("dep"))));
    }

    private EmulatorResponse getComponent(EmulatorRequest request, Map<String, String> vars) {
        return withWorkspace(request, vars, w -> batch.componentVersion(w.id() + "/components/" + vars.get("name")
                + "/versions/" + vars.get("version")).map(c -> ok(json.component(c)))
                .orElseGet(() -> notFound("Microsoft.MachineLearningServices/workspaces/components/versions",
                        vars.get("name") + "/" + vars.get("version"))));
    }

    private EmulatorResponse getModel(EmulatorRequest request, Map<String, String> vars) {
        return withWorkspace(request, vars, w -> batch.modelVersion(w.id() + "/models/" + vars.get("name")
                + "/versions/" + vars.get("version")).map(m -> ok(json.model(m)))
                .orElseGet(() -> notFound("Microsoft.MachineLearningServices/workspaces/models/versions",
                        vars.get("name") + "/" + vars.get("version"))));
    }

    private EmulatorResponse listJobs(EmulatorRequest request, Map<String, String> vars) {
        return withWorkspace(request, vars, w -> {
            Optional<String> tag = request.queryParam("tag");
            Optional<String> properties = request.queryParam("properties");
            List<EmulatedBatchJob> list = new ArrayList<>();
            for (EmulatedBatchJob j : batch.jobs()) {
                if (!j.endpoint().workspaceId().equalsIgnoreCase(w.id()) || j.hiddenFromArmRead()) {
                    continue;
                }
                if (tag.isPresent() && !j.tags().containsKey(tag.get())) {
                    continue;
                }
                if (properties.isPresent() && !matchesProperties(j.properties(), properties.get())) {
                    continue;
                }
                list.add(j);
            }
            list.sort(Comparator.comparing(EmulatedBatchJob::createdAt).reversed()
                    .thenComparing(EmulatedBatchJob::name));
            return page(request, list, json::armJob);
        });
    }

    private EmulatorResponse getJob(EmulatorRequest request, Map<String, String> vars) {
        return withJob(request, vars, j -> {
            if (j.hiddenFromArmRead()) {
                return jobNotFound(vars);
            }
            batch.advance(j);
            return ok(json.armJob(j));
        });
    }

    private EmulatorResponse cancelJob(EmulatorRequest request, Map<String, String> vars) {
        return withJob(request, vars, j -> {
            if (!j.cancel()) {
                return ok(json.armJob(j));
            }
            String location = batch.baseUrl() + j.endpoint().workspaceId() + "/jobs/" + j.name() + "?api-version="
                    + request.queryParam("api-version").orElse("");
            return ArmEmulator.withRequestId(EmulatorResponse.empty(202)).withHeader("Location", location)
                    .withHeader("Retry-After", "10");
        });
    }

    private static boolean matchesProperties(Map<String, String> props, String filter) {
        for (String part : filter.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            if (!props.containsKey(key) || (eq >= 0 && !part.substring(eq + 1).equals(props.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private EmulatorResponse withWorkspace(EmulatorRequest request, Map<String, String> vars,
            Function<EmulatedWorkspace, EmulatorResponse> then) {
        Optional<EmulatorResponse> denied = batch.arm().authorize(request, vars.get("sub"),
                ArmEmulator.ARM_AUDIENCES);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<EmulatedWorkspace> w = batch.arm().findWorkspace(vars.get("sub"), vars.get("rg"), vars.get("ws"));
        return w.map(then).orElseGet(() -> notFound("Microsoft.MachineLearningServices/workspaces", vars.get("ws")));
    }

    private EmulatorResponse withEndpoint(EmulatorRequest request, Map<String, String> vars,
            Function<EmulatedBatchEndpoint, EmulatorResponse> then) {
        return withWorkspace(request, vars, w -> batch.findEndpoint(w.id(), vars.get("ep")).map(then)
                .orElseGet(() -> notFound("Microsoft.MachineLearningServices/workspaces/batchEndpoints",
                        vars.get("ep"))));
    }

    private EmulatorResponse withJob(EmulatorRequest request, Map<String, String> vars,
            Function<EmulatedBatchJob, EmulatorResponse> then) {
        return withWorkspace(request, vars, w -> batch.job(vars.get("job"))
                .filter(j -> j.endpoint().workspaceId().equalsIgnoreCase(w.id())).map(then)
                .orElseGet(() -> jobNotFound(vars)));
    }

    private static EmulatorResponse jobNotFound(Map<String, String> vars) {
        return notFound("Microsoft.MachineLearningServices/workspaces/jobs", vars.get("job"));
    }

    private static EmulatorResponse notFound(String type, String name) {
        return ArmEmulator.withRequestId(EmulatorResponse.error(404, "ResourceNotFound",
                "The Resource '" + type + "/" + name + "' was not found."));
    }

    private static EmulatorResponse ok(Object body) {
        return ArmEmulator.withRequestId(EmulatorResponse.json(200, body));
    }

    private <T> EmulatorResponse page(EmulatorRequest request, List<T> all, Function<T, Object> mapper) {
        int skip = request.queryParam("$skipToken").or(() -> request.queryParam("$skiptoken"))
                .map(Integer::parseInt).orElse(0);
        int size = batch.pageSize();
        List<Object> value = new ArrayList<>();
        for (int i = skip; i < Math.min(all.size(), skip + size); i++) {
            value.add(mapper.apply(all.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        if (skip + size < all.size()) {
            StringBuilder next = new StringBuilder(batch.baseUrl()).append(request.path()).append('?');
            request.query().forEach((k, vs) -> {
                if (!k.equalsIgnoreCase("$skipToken")) {
                    vs.forEach(v -> next.append(encode(k)).append('=').append(encode(v)).append('&'));
                }
            });
            next.append("$skipToken=").append(skip + size);
            body.put("nextLink", next.toString());
        } else {
            body.put("nextLink", null);
        }
        return ok(body);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
