package dev.custommodels.testkit.emulator.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Batch execution: {@code POST …/jobs} (answers the job id as a JSON string), {@code POST …/jobs/{id}/start}
 * (204), {@code GET …/jobs/{id}} (advances the job, answers its status), {@code DELETE …/jobs/{id}} (cancels, 204).
 * Blob references must carry {@code BaseLocation}, {@code RelativeLocation} and {@code SasBlobToken}; unlike the
 * real service, an output override is required for every job.
 */
final class BatchRoutes {
    private static final String[] BASES = {"/workspaces/{ws}/services/{ep}", "/subscriptions/{sub}/services/{svc}"};

    private final StudioClassicEmulator studio;

    BatchRoutes(StudioClassicEmulator studio) {
        this.studio = studio;
    }

    void register(Routes routes) {
        for (String base : BASES) {
            routes.post(base + "/jobs", this::create);
            routes.post(base + "/jobs/{id}/start", (r, v) -> withJob(r, v, "/jobs/" + v.get("id") + "/start",
                    job -> job.start() ? EmulatorResponse.empty(204) : Errors.error(400, "InvalidOperation",
                            "CannotStartJob", "The job is " + job.status() + "; only a NotStarted job can start.")));
            routes.get(base + "/jobs/{id}", (r, v) -> withJob(r, v, "/jobs/" + v.get("id"),
                    job -> EmulatorResponse.json(200, job.read(studio))));
            routes.delete(base + "/jobs/{id}", (r, v) -> withJob(r, v, "/jobs/" + v.get("id"), job -> {
                job.cancel();
                return EmulatorResponse.empty(204);
            }));
        }
    }

    private Optional<StudioWebService> batchService(EmulatorRequest r, String suffix) {
        return studio.serviceAt(ScoringRoutes.scoringPath(r, suffix)).filter(s -> s.spec().batch());
    }

    private EmulatorResponse withJob(EmulatorRequest r, Map<String, String> v, String suffix,
            java.util.function.Function<BatchJob, EmulatorResponse> then) {
        Optional<StudioWebService> s = batchService(r, suffix);
        if (s.isEmpty()) {
            return ScoringRoutes.notFound();
        }
        Optional<EmulatorResponse> denied = ScoringRoutes.admit(r, s.get());
        if (denied.isPresent()) {
            return denied.get();
        }
        BatchJob job = studio.jobs.get(v.get("id"));
        if (job == null || job.service() != s.get()) {
            return Errors.error(404, "NotFound", "JobNotFound", "No job '" + v.get("id") + "' on this endpoint.");
        }
        return then.apply(job);
    }

    private EmulatorResponse create(EmulatorRequest r, Map<String, String> v) {
        Optional<StudioWebService> found = batchService(r, "/jobs");
        if (found.isEmpty()) {
            return ScoringRoutes.notFound();
        }
        StudioWebService s = found.get();
        Optional<EmulatorResponse> denied = ScoringRoutes.admit(r, s);
        if (denied.isPresent()) {
            return denied.get();
        }
        JsonNode body;
        try {
            body = EmulatorResponse.jsonMapper().readTree(r.body());
        } catch (IOException e) {
            return Errors.error(400, "BadArgument", "RequestBodyInvalid", "The request body is not valid JSON.");
        }
        if (body == null || !body.isObject()) {
            return Errors.error(400, "BadArgument", "RequestIsEmpty", "The request body is empty.");
        }
        if (body.has("Input") && body.has("Inputs")) {
            return Errors.error(400, "BadArgument", "DuplicateInputInBatchCall", "Give either Input or Inputs.");
        }
        JsonNode inputs = body.has("Input") ? EmulatorResponse.jsonMapper().createObjectNode()
                .set(s.spec().inputs().keySet().stream().findFirst().orElse("input1"), body.get("Input"))
                : body.path("Inputs");
        Map<String, String> inputUrls = new LinkedHashMap<>();
        if (!s.spec().inputs().isEmpty() && (!inputs.isObject() || inputs.size() == 0)) {
            return Errors.error(400, "BadArgument", "BatchJobInputsNotSpecified", "The job specifies no inputs.");
        }
        for (Map.Entry<String, JsonNode> e : inputs.properties()) {
            if (!s.spec().inputs().containsKey(e.getKey())) {
                return Errors.error(400, "BadArgument", "InvalidInputNames", "Unknown input '" + e.getKey()
                        + "'; the web service's inputs are " + s.spec().inputs().keySet() + ".");
            }
            Optional<String> url = url(e.getValue());
            if (url.isEmpty()) {
                return Errors.error(400, "BadArgument", "MissingInputBlobInformation", "Input '" + e.getKey()
                        + "' needs BaseLocation, RelativeLocation and SasBlobToken.");
            }
            inputUrls.put(e.getKey(), url.get());
        }
        for (String name : s.spec().inputs().keySet()) {
            if (!inputUrls.containsKey(name)) {
                return Errors.error(400, "BadArgument", "MissingInputBlobInformation", "Input '" + name
                        + "' is not specified.");
            }
        }
        JsonNode outputs = body.path("Outputs");
        if (!outputs.isObject() || outputs.size() == 0) {
            return Errors.error(400, "BadArgument", "MissingOutputOverrideSpecification", "The emulator needs an"
                    + " output override (Outputs) for every job.");
        }
        Map<String, String> outputUrls = new LinkedHashMap<>();
        Map<String, Map<String, Object>> refs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : outputs.properties()) {
            if (!s.spec().outputs().containsKey(e.getKey())) {
                return Errors.error(400, "BadArgument", "InvalidOutputOverrideName", "Unknown output '" + e.getKey()
                        + "'; the web service's outputs are " + s.spec().outputs().keySet() + ".");
            }
            String relative = e.getValue().path("RelativeLocation").asText("").toLowerCase(Locale.ROOT);
            if (!relative.endsWith(".csv") && !relative.endsWith(".tsv") && !relative.endsWith(".arff")) {
                return Errors.error(400, "BadArgument", "InvalidBlobExtension", "The output '" + e.getKey()
                        + "' must be a .csv, .tsv or .arff blob.");
            }
            Optional<String> url = url(e.getValue());
            if (url.isEmpty()) {
                return Errors.error(400, "BadArgument", "MissingOutputOverrideSpecification", "Output '"
                        + e.getKey() + "' needs BaseLocation, RelativeLocation and SasBlobToken.");
            }
            outputUrls.put(e.getKey(), url.get());
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("ConnectionString", null);
            ref.put("RelativeLocation", e.getValue().path("RelativeLocation").asText());
            ref.put("BaseLocation", e.getValue().path("BaseLocation").asText());
            ref.put("SasBlobToken", e.getValue().path("SasBlobToken").asText());
            refs.put(e.getKey(), ref);
        }
        Map<String, String> params;
        try {
            params = ScoringEngine.parameters(s.spec(), body.get("GlobalParameters"));
        } catch (ScoringEngine.Rejected e) {
            return Errors.badInput(e.detailCode, e.target, e.getMessage());
        }
        String id = studio.newJobId();
        studio.jobs.put(id, new BatchJob(id, s, inputUrls, outputUrls, refs, params,
                studio.nextJobFailure.getAndSet(null)));
        return EmulatorResponse.json(200, id);
    }

    /** The blob URL of a reference: BaseLocation + RelativeLocation + SasBlobToken. */
    private static Optional<String> url(JsonNode ref) {
        String base = ref.path("BaseLocation").asText("");
        String relative = ref.path("RelativeLocation").asText("");
        String sas = ref.path("SasBlobToken").asText("");
        if (base.isEmpty() || relative.isEmpty()) {
            return Optional.empty();
        }
        String joined = (base.endsWith("/") ? base : base + "/") + (relative.startsWith("/") ? relative.substring(1)
                : relative);
        return Optional.of(sas.isEmpty() ? joined : joined + (sas.startsWith("?") ? sas : "?" + sas));
    }
}
