package dev.custommodels.testkit.emulator.studio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An endpoint's {@code swagger.json} (no auth) and request-response scoring: {@code POST …/execute?api-version=2.0}
 * with the API key as bearer, in the table format (with {@code details=true} adding {@code ColumnTypes}) or the
 * swagger format ({@code format=swagger}). Requests above the endpoint's concurrency limit get 503.
 */
final class ScoringRoutes {
    private static final String[] BASES = {"/workspaces/{ws}/services/{ep}", "/subscriptions/{sub}/services/{svc}"};

    private final StudioClassicEmulator studio;

    ScoringRoutes(StudioClassicEmulator studio) {
        this.studio = studio;
    }

    void register(Routes routes) {
        for (String base : BASES) {
            routes.get(base + "/swagger.json", this::swagger);
            routes.post(base + "/execute", this::execute);
        }
    }

    static String scoringPath(EmulatorRequest r, String suffix) {
        String p = r.path().endsWith("/") ? r.path().substring(0, r.path().length() - 1) : r.path();
        return p.substring(0, p.length() - suffix.length());
    }

    private EmulatorResponse swagger(EmulatorRequest r, Map<String, String> v) {
        Optional<StudioWebService> svc = studio.serviceAt(scoringPath(r, "/swagger.json"));
        return svc.map(s -> EmulatorResponse.json(200, SwaggerDocuments.swagger(s, studio.baseUrl())))
                .orElseGet(ScoringRoutes::notFound);
    }

    static EmulatorResponse notFound() {
        return Errors.error(404, "NotFound", "WebServiceNotFound", "No web service endpoint at this address.");
    }

    /** Checks the API version and the key; empty when the request may proceed. */
    static Optional<EmulatorResponse> admit(EmulatorRequest r, StudioWebService s) {
        if (!"2.0".equals(r.queryParam("api-version").orElse(null))) {
            return Optional.of(Errors.error(400, "BadArgument", "BadVersionCall", "Invalid api-version; use"
                    + " api-version=2.0."));
        }
        String key = r.bearerToken().orElse("");
        if (!key.equals(s.primaryKey()) && !key.equals(s.secondaryKey())) {
            return Optional.of(Errors.error(401, "Unauthorized", "ScoreRequestUnauthorized", "Invalid credentials"
                    + " provided."));
        }
        return Optional.empty();
    }

    private EmulatorResponse execute(EmulatorRequest r, Map<String, String> v) throws IOException {
        Optional<StudioWebService> found = studio.serviceAt(scoringPath(r, "/execute"));
        if (found.isEmpty()) {
            return notFound();
        }
        StudioWebService s = found.get();
        Optional<EmulatorResponse> denied = admit(r, s);
        if (denied.isPresent()) {
            return denied.get();
        }
        int now = studio.inFlight.incrementAndGet();
        try {
            studio.maxInFlight.accumulateAndGet(now, Math::max);
            if (now > s.spec().maxConcurrentCalls()) {
                return Errors.error(503, "ServiceUnavailable", "TooManyConcurrentRequests", "The request exceeds"
                        + " the endpoint's " + s.spec().maxConcurrentCalls() + " concurrent calls.");
            }
            pause();
            EmulatorResponse failure = studio.nextScoringFailure.getAndSet(null);
            return failure != null ? failure : score(r, s);
        } finally {
            studio.inFlight.decrementAndGet();
        }
    }

    private void pause() {
        long nanos = studio.scoringLatency().toNanos();
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos); // emulated service time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private EmulatorResponse score(EmulatorRequest r, StudioWebService s) throws IOException {
        StudioServiceSpec spec = s.spec();
        boolean swagger = "swagger".equalsIgnoreCase(r.queryParam("format").orElse(""));
        boolean details = "true".equalsIgnoreCase(r.queryParam("details").orElse(""));
        JsonNode body;
        try {
            body = EmulatorResponse.jsonMapper().readTree(r.body());
        } catch (IOException e) {
            return Errors.error(400, "BadArgument", "RequestBodyInvalid", "The request body is not valid JSON.");
        }
        JsonNode inputs = body == null ? null : body.get("Inputs");
        if (inputs == null || !inputs.isObject() || inputs.size() == 0) {
            return Errors.error(400, "BadArgument", "MissingRequestInput", "The request has no Inputs.");
        }
        try {
            List<Map<String, String>> firstRows = null;
            for (String name : spec.inputs().keySet()) {
                JsonNode port = inputs.get(name);
                if (port == null) {
                    return Errors.error(400, "BadArgument", "MissingRequestInput", "The input '" + name
                            + "' is missing from Inputs.");
                }
                List<Map<String, String>> rows = swagger ? recordRows(spec, name, port) : tableRows(spec, name, port);
                firstRows = firstRows == null ? rows : firstRows;
            }
            for (Iterator<String> it = inputs.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!spec.inputs().containsKey(name)) {
                    return Errors.error(400, "BadArgument", "InvalidInputNames", "Unknown input '" + name
                            + "'; the web service's inputs are " + spec.inputs().keySet() + ".");
                }
            }
            Map<String, String> params = ScoringEngine.parameters(spec, body.get("GlobalParameters"));
            Map<String, List<List<String>>> scored = ScoringEngine.score(spec, firstRows, params);
            studio.rowsScored.addAndGet(firstRows.size());
            return new EmulatorResponse(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                    write(spec, scored, swagger, details));
        } catch (ScoringEngine.Rejected e) {
            return Errors.badInput(e.detailCode, e.target, e.getMessage());
        }
    }

    private static List<Map<String, String>> tableRows(StudioServiceSpec spec, String name, JsonNode port)
            throws ScoringEngine.Rejected {
        List<String> columns = new ArrayList<>();
        port.path("ColumnNames").forEach(n -> columns.add(n.asText()));
        List<List<String>> values = new ArrayList<>();
        for (JsonNode row : port.path("Values")) {
            List<String> cells = new ArrayList<>(row.size());
            row.forEach(c -> cells.add(c.isNull() ? "" : c.asText()));
            values.add(cells);
        }
        return ScoringEngine.rows(spec, name, columns, values);
    }

    private static List<Map<String, String>> recordRows(StudioServiceSpec spec, String name, JsonNode port)
            throws ScoringEngine.Rejected {
        Set<String> names = new LinkedHashSet<>();
        port.forEach(rec -> rec.fieldNames().forEachRemaining(names::add));
        List<String> columns = List.copyOf(names);
        List<List<String>> values = new ArrayList<>();
        for (JsonNode rec : port) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String c : columns) {
                JsonNode cell = rec.get(c);
                cells.add(cell == null || cell.isNull() ? "" : cell.asText());
            }
            values.add(cells);
        }
        return ScoringEngine.rows(spec, name, columns, values);
    }

    private static byte[] write(StudioServiceSpec spec, Map<String, List<List<String>>> scored, boolean swagger,
            boolean details) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = EmulatorResponse.jsonMapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("Results");
            for (Map.Entry<String, List<List<String>>> o : scored.entrySet()) {
                List<StudioColumn> cols = spec.outputs().get(o.getKey());
                if (swagger) {
                    g.writeArrayFieldStart(o.getKey());
                    for (List<String> row : o.getValue()) {
                        g.writeStartObject();
                        for (int i = 0; i < cols.size(); i++) {
                            g.writeStringField(cols.get(i).name(), row.get(i));
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    continue;
                }
                g.writeObjectFieldStart(o.getKey());
                g.writeStringField("type", "table");
                g.writeObjectFieldStart("value");
                g.writeArrayFieldStart("ColumnNames");
                for (StudioColumn c : cols) {
                    g.writeString(c.name());
                }
                g.writeEndArray();
                if (details) {
                    g.writeArrayFieldStart("ColumnTypes");
                    for (StudioColumn c : cols) {
                        g.writeString(SwaggerDocuments.columnType(c));
                    }
                    g.writeEndArray();
                }
                g.writeArrayFieldStart("Values");
                for (List<String> row : o.getValue()) {
                    g.writeStartArray();
                    for (String cell : row) {
                        g.writeString(cell);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
