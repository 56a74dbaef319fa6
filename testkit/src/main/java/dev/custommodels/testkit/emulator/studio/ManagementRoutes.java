package dev.custommodels.testkit.emulator.studio;

import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classic management API ({@code management.azureml.net}): web services and endpoints of a workspace, with the
 * workspace token as bearer. Endpoints carry their API location (pointing back at this emulator) and keys.
 */
final class ManagementRoutes {
    private final StudioClassicEmulator studio;

    ManagementRoutes(StudioClassicEmulator studio) {
        this.studio = studio;
    }

    void register(Routes routes) {
        routes.get("/workspaces/{ws}/webservices", (r, v) -> withWorkspace(r, v, ws -> {
            List<Object> list = new ArrayList<>();
            ws.services.forEach(s -> list.add(webService(ws, s)));
            return EmulatorResponse.json(200, list);
        }));
        routes.get("/workspaces/{ws}/webservices/{svc}", (r, v) -> withService(r, v,
                (ws, s) -> EmulatorResponse.json(200, webService(ws, s))));
        routes.get("/workspaces/{ws}/webservices/{svc}/endpoints", (r, v) -> withService(r, v,
                (ws, s) -> EmulatorResponse.json(200, List.of(endpoint(ws, s)))));
        routes.get("/workspaces/{ws}/webservices/{svc}/endpoints/{ep}", (r, v) -> withService(r, v, (ws, s) ->
                "default".equalsIgnoreCase(v.get("ep")) ? EmulatorResponse.json(200, endpoint(ws, s))
                        : Errors.error(404, "NotFound", "EndpointNotFound", "The endpoint '" + v.get("ep")
                                + "' does not exist.")));
    }

    private EmulatorResponse withWorkspace(EmulatorRequest r, Map<String, String> v,
            java.util.function.Function<StudioWorkspace, EmulatorResponse> then) {
        Optional<StudioWorkspace> ws = studio.workspaces.stream().filter(w -> w.workspaceId()
                .equalsIgnoreCase(v.get("ws"))).findFirst();
        if (ws.isEmpty()) {
            return Errors.error(404, "NotFound", "WorkspaceNotFound", "The workspace '" + v.get("ws")
                    + "' does not exist.");
        }
        String token = r.bearerToken().orElse("");
        if (!token.equals(ws.get().primaryToken()) && !token.equals(ws.get().secondaryToken())) {
            return Errors.error(401, "Unauthorized", "ManagementRequestUnauthorized", "The authorization token is"
                    + " missing or not valid for this workspace.");
        }
        return then.apply(ws.get());
    }

    private EmulatorResponse withService(EmulatorRequest r, Map<String, String> v,
            java.util.function.BiFunction<StudioWorkspace, StudioWebService, EmulatorResponse> then) {
        return withWorkspace(r, v, ws -> ws.services.stream().filter(s -> s.id().equalsIgnoreCase(v.get("svc")))
                .findFirst().map(s -> then.apply(ws, s))
                .orElseGet(() -> Errors.error(404, "NotFound", "WebServiceNotFound", "The web service '"
                        + v.get("svc") + "' does not exist in this workspace.")));
    }

    private static Map<String, Object> webService(StudioWorkspace ws, StudioWebService s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", s.id());
        m.put("Name", s.name());
        m.put("Description", s.spec().description());
        m.put("CreationTime", "2019-06-01T12:00:00Z");
        m.put("WorkspaceId", ws.workspaceId());
        m.put("DefaultEndpointName", "default");
        m.put("EndpointCount", 1);
        return m;
    }

    private Map<String, Object> endpoint(StudioWorkspace ws, StudioWebService s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", "default");
        m.put("Description", "Created by default.");
        m.put("CreationTime", "2019-06-01T12:00:00Z");
        m.put("WorkspaceId", ws.workspaceId());
        m.put("WebServiceId", s.id());
        m.put("HelpLocation", studio.baseUrl() + s.scoringPath() + "/apidocument");
        m.put("PrimaryKey", s.primaryKey());
        m.put("SecondaryKey", s.secondaryKey());
        m.put("ApiLocation", s.spec().hasApiLocation() ? s.apiLocation() : null);
        m.put("Version", "2014-09-01");
        m.put("MaxConcurrentCalls", s.spec().maxConcurrentCalls());
        m.put("DiagnosticsTraceLevel", "None");
        m.put("ThrottleLevel", "High");
        return m;
    }
}
