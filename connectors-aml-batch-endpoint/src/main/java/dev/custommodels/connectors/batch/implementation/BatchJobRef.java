package dev.custommodels.connectors.batch.implementation;

import dev.custommodels.connectors.batch.BatchEndpointConnectorProvider;
import dev.custommodels.spi.JobHandle;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch job's {@link JobHandle} records, so that any process can poll, cancel and collect it. It holds
 * names and datastore paths only, never a secret.
 *
 * @param jobName the job name (its id)
 * @param tenantId the tenant
 * @param workspaceId the workspace's ARM id
 * @param endpoint the endpoint name
 * @param deployment the deployment name
 * @param kind the deployment kind
 * @param outputUri the datastore URI of the output to collect (a file for model deployments)
 * @param outputIsFolder whether that output is a folder
 * @param inputUri the datastore URI of the staged data input that rows are compared with
 * @param submittedAt when the job was submitted (or adopted)
 */
record BatchJobRef(String jobName, String tenantId, String workspaceId, String endpoint, String deployment,
        DeploymentInfo.Kind kind, String outputUri, boolean outputIsFolder, String inputUri, Instant submittedAt) {

    private static final String TENANT = "tenantId";
    private static final String WORKSPACE = "workspaceId";
    private static final String ENDPOINT = "endpoint";
    private static final String DEPLOYMENT = "deployment";
    private static final String KIND = "deploymentKind";
    private static final String OUTPUT = "outputUri";
    private static final String OUTPUT_FOLDER = "outputIsFolder";
    private static final String INPUT = "inputUri";
    private static final String SUBMITTED = "submittedAt";

    BatchJobRef {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(kind, "kind");
    }

    JobHandle toHandle() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put(TENANT, tenantId);
        state.put(WORKSPACE, workspaceId);
        state.put(ENDPOINT, endpoint);
        state.put(DEPLOYMENT, deployment);
        state.put(KIND, kind.name());
        state.put(OUTPUT, outputUri);
        state.put(OUTPUT_FOLDER, Boolean.toString(outputIsFolder));
        if (inputUri != null) {
            state.put(INPUT, inputUri);
        }
        state.put(SUBMITTED, submittedAt.toString());
        return new JobHandle(BatchEndpointConnectorProvider.NAME, jobName, state);
    }

    /**
     * Reads a handle this connector made.
     *
     * @throws IllegalArgumentException naming what is missing when the handle is not one of this connector's
     */
    static BatchJobRef from(JobHandle handle) {
        Objects.requireNonNull(handle, "handle");
        if (!BatchEndpointConnectorProvider.NAME.equals(handle.connector())) {
            throw new IllegalArgumentException("Job handle " + handle.jobId() + " belongs to connector '"
                    + handle.connector() + "', not to '" + BatchEndpointConnectorProvider.NAME + "'.");
        }
        Map<String, String> s = handle.state();
        List<String> missing = new ArrayList<>();
        for (String key : List.of(TENANT, WORKSPACE, ENDPOINT, DEPLOYMENT, KIND, OUTPUT, SUBMITTED)) {
            if (s.get(key) == null || s.get(key).isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Job handle " + handle.jobId() + " lacks " + missing
                    + "; it was not made by this version of the " + BatchEndpointConnectorProvider.NAME
                    + " connector.");
        }
        Instant submitted;
        try {
            submitted = Instant.parse(s.get(SUBMITTED));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Job handle " + handle.jobId() + " has an unreadable submittedAt.", e);
        }
        return new BatchJobRef(handle.jobId(), s.get(TENANT), s.get(WORKSPACE), s.get(ENDPOINT), s.get(DEPLOYMENT),
                DeploymentInfo.Kind.valueOf(s.get(KIND)), s.get(OUTPUT), Boolean.parseBoolean(s.get(OUTPUT_FOLDER)),
                s.get(INPUT), submitted);
    }
}
