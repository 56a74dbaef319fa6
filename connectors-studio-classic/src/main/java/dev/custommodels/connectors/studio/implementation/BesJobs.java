package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelInput;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.StagedInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BES jobs: stage the input, create the job with signed URLs, record its id in the manifest, start it; polls read
 * its status (starting it if a crash left it unstarted); cancel deletes it; collect reads its output blob.
 */
final class BesJobs {
    private static final ClientLogger LOGGER = new ClientLogger(BesJobs.class);

    private final ConnectorContext context;
    private final Http http;
    private final Catalog catalog;
    private final JobStore store;
    private final BesStaging staging;
    private final BesOutput output;

    BesJobs(ConnectorContext context, Settings settings, Http http, Catalog catalog, JobStore store) {
        this.context = context;
        this.http = http;
        this.catalog = catalog;
        this.store = store;
        this.staging = new BesStaging(context, settings);
        this.output = new BesOutput(context, http, store);
    }

    boolean canStage(String tenantId, String workPrefix) {
        return staging.forNewJob(tenantId, workPrefix + JobStore.FOLDER + "bes/").isPresent();
    }

    JobHandle submit(JobRequest request, ResolvedService svc) {
        BesStaging.Place place = staging.forNewJob(request.model().tenantId(), request.workPrefix() + JobStore.FOLDER
                + "bes/").orElseThrow(() -> new CustomModelsException("A BES job needs a staging container the"
                + " service can read: set the options studio-classic.bes.stagingAccount, .stagingEndpoint and"
                + " .stagingContainer, or use a lake that can sign URLs. Or set studio-classic.mode to rrs."));
        String folder = staging.folder(place.place(), request.workPrefix(), request.workflowId(), request.runId());
        List<JobManifest.InputPart> parts = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ModelInput modelInput : request.contract().inputs()) {
            StagedInput staged = request.inputs().stream().filter(s -> s.input().equals(modelInput.name()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("The model input '"
                            + modelInput.name() + "' has no staged data in run " + request.runId() + "."));
            List<String> sent = RrsJobs.sentFields(modelInput, staged);
            String blob = folder + "inputs/" + modelInput.name() + ".csv";
            output.copyProjected(staged.paths(), staged.columns(), sent, place.store(), blob);
            parts.add(new JobManifest.InputPart(modelInput.name(), staged.paths(), staged.columns(), sent, blob));
            inputs.put(modelInput.name(), staging.reference(place.store(), blob, LakeAccess.READ));
        }
        String outputName = RrsJobs.outputName(request) != null ? RrsJobs.outputName(request) : "output1";
        String outputBlob = folder + "outputs/" + outputName + ".csv";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Inputs", inputs);
        body.put("Outputs", Map.of(outputName, staging.reference(place.store(), outputBlob, LakeAccess.WRITE)));
        body.put("GlobalParameters", request.parameters());
        String op = "Creating a batch job for run " + request.runId();
        JsonNode created = http.call(pipeline(svc), HttpMethod.POST, svc.apiBase() + "/jobs?api-version=2.0",
                Json.write(body), op).json(op);
        String jobId = created.isTextual() ? created.asText() : Json.text(created, "Id");
        if (jobId == null || jobId.isBlank()) {
            throw new CustomModelsException(op + " returned no job id.");
        }
        long rows = request.inputs().isEmpty() ? -1 : request.inputs().get(0).rowCount();
        JobManifest manifest = new JobManifest(1, "bes", request.runId(), request.workflowId(),
                request.model().tenantId(), request.model().workspaceId(), request.model().serviceId(),
                request.model().endpoint(), parts, outputName, request.parameters(), rows, 0, 0, List.of(), jobId,
                place.place(), outputBlob);
        String path = JobStore.manifestPath(request.workPrefix());
        manifest = store.create(path, manifest);
        LOGGER.info("Run {}: created BES job {}.", request.runId(), manifest.besJobId());
        try {
            start(svc, manifest);
        } catch (StudioServiceException e) {
            if (!e.isTransient()) {
                throw e;
            }
            LOGGER.warning("Run {}: starting BES job {} failed ({}); the next poll starts it.", request.runId(),
                    manifest.besJobId(), e.reportedCode());
        }
        return JobStore.handle(manifest, path);
    }

    private void start(ResolvedService svc, JobManifest m) {
        http.call(pipeline(svc), HttpMethod.POST, jobUrl(svc, m, "/start"), new byte[0],
                "Starting batch job " + m.besJobId() + " of run " + m.runId());
    }

    JobStatus poll(JobHandle handle) {
        JobManifest m = store.load(handle);
        ResolvedService svc = catalog.resolve(m.model());
        String op = "Reading the status of batch job " + m.besJobId() + " of run " + m.runId();
        Http.Reply reply = http.call(pipeline(svc), HttpMethod.GET, jobUrl(svc, m, ""), null, op);
        JsonNode status = reply.json(op);
        String code = statusCode(Json.get(status, "StatusCode"));
        java.time.Duration retryAfter = http.retryAfter(reply.headers());
        LOGGER.info("Run {}: batch job {} is {}.", m.runId(), m.besJobId(), code);
        switch (code) {
            case "NotStarted":
                try {
                    start(svc, m);
                } catch (StudioServiceException e) {
                    if (!"CannotStartJob".equals(e.detailCode()) && !e.isTransient()) {
                        throw e;
                    }
                }
                return new JobStatus(JobState.QUEUED, code, null, null, -1, m.rowCount(), retryAfter);
            case "Finished":
                return new JobStatus(JobState.SUCCEEDED, code, null, null, m.rowCount(), m.rowCount(), null);
            case "Failed":
                String details = Json.text(status, "Details");
                return new JobStatus(JobState.FAILED, code, "BatchJobFailed", details == null || details.isBlank()
                        ? "The batch job failed without details." : details, -1, m.rowCount(), null);
            case "Cancelled":
                return new JobStatus(JobState.CANCELED, code, null, null, -1, m.rowCount(), null);
            default:
                return new JobStatus(JobState.RUNNING, code, null, null, -1, m.rowCount(), retryAfter);
        }
    }

    /** The status as a string; the service may send the number 0..4 instead. */
    static String statusCode(JsonNode node) {
        if (node.isInt()) {
            String[] names = {"NotStarted", "Running", "Failed", "Cancelled", "Finished"};
            int i = node.asInt();
            return i >= 0 && i < names.length ? names[i] : "Unknown(" + i + ")";
        }
        String s = node.asText("");
        for (String known : new String[] {"NotStarted", "Running", "Failed", "Cancelled", "Canceled", "Finished"}) {
            if (known.equalsIgnoreCase(s)) {
                return known.equals("Canceled") ? "Cancelled" : known;
            }
        }
        return s.isEmpty() ? "Unknown" : s;
    }

    void cancel(JobHandle handle) {
        JobManifest m = store.load(handle);
        ResolvedService svc = catalog.resolve(m.model());
        Http.Reply reply = http.exchange(pipeline(svc), HttpMethod.DELETE, jobUrl(svc, m, ""), null,
                "Cancelling batch job " + m.besJobId(), null);
        if (reply.status() / 100 != 2 && reply.status() != 404 && reply.status() != 400) {
            throw http.failure("Cancelling batch job " + m.besJobId() + " of run " + m.runId(), reply);
        }
        LOGGER.info("Run {}: cancel of batch job {} answered {}.", m.runId(), m.besJobId(), reply.status());
    }

    List<String> collect(JobHandle handle, String outputPrefix) {
        JobManifest m = store.load(handle);
        ResolvedService svc = catalog.resolve(m.model());
        String op = "Reading the results of batch job " + m.besJobId() + " of run " + m.runId();
        JsonNode status = http.call(pipeline(svc), HttpMethod.GET, jobUrl(svc, m, ""), null, op).json(op);
        String code = statusCode(Json.get(status, "StatusCode"));
        if (!"Finished".equals(code)) {
            throw new CustomModelsException("Batch job " + m.besJobId() + " of run " + m.runId() + " is " + code
                    + ", not Finished; its output cannot be collected.");
        }
        JsonNode result = Json.get(Json.get(status, "Results"), m.output());
        if (result.isMissingNode()) {
            throw new CustomModelsException("Batch job " + m.besJobId() + " finished without the output '"
                    + m.output() + "'.");
        }
        LakeStore staged = staging.open(m.staging(), m.tenantId());
        return List.of(output.collect(m, result, staged, outputPrefix + "part-00000.csv"));
    }

    private static String jobUrl(ResolvedService svc, JobManifest m, String suffix) {
        return svc.apiBase() + "/jobs/" + m.besJobId() + suffix + "?api-version=2.0";
    }

    private HttpPipeline pipeline(ResolvedService svc) {
        return context.pipeline(BearerPolicy.of(() -> svc.key().value()));
    }
}
