package dev.custommodels.testkit.emulator.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one emulated pipeline run; guarded by its own monitor. */
final class EmulatedRun {
    static final List<String> PROGRESSION = List.of("NotStarted", "Queued", "Preparing", "Running", "Finalizing",
            "Completed");

    final String runId;
    final String workspaceId;
    final String tenantId;
    final Pipelines.Pipeline pipeline;
    final String endpointId;
    final String experimentName;
    final String description;
    final Map<String, String> parameters;
    final Map<String, String[]> dataInputs;
    final Map<String, String> tags;
    final RunFault fault;
    final boolean loseSubmitResponse;
    final Instant created = Instant.now();
    String status = "NotStarted";
    Instant started;
    Instant ended;
    String errorCode;
    String errorMessage;

    EmulatedRun(String runId, String workspaceId, String tenantId, Pipelines.Pipeline pipeline, String endpointId,
            String experimentName, String description, Map<String, String> parameters,
            Map<String, String[]> dataInputs, Map<String, String> tags, RunFault fault, boolean loseSubmitResponse) {
        this.runId = runId;
        this.workspaceId = workspaceId;
        this.tenantId = tenantId;
        this.pipeline = pipeline;
        this.endpointId = endpointId;
        this.experimentName = experimentName;
        this.description = description;
        this.parameters = parameters;
        this.dataInputs = dataInputs;
        this.tags = tags;
        this.fault = fault;
        this.loseSubmitResponse = loseSubmitResponse;
    }

    synchronized boolean isTerminal() {
        return status.equals("Completed") || status.equals("Failed") || status.equals("Canceled");
    }

    synchronized SubmittedRun snapshot() {
        Map<String, String> inputs = new LinkedHashMap<>();
        dataInputs.forEach((k, v) -> inputs.put(k, v[0] + ":" + v[1]));
        return new SubmittedRun(runId, workspaceId, pipeline.id(), experimentName, parameters, inputs, tags, status);
    }
}
