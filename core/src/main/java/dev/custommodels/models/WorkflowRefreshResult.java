package dev.custommodels.models;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * How one workflow fared in a refresh.
 *
 * @param workflowId the workflow's id
 * @param displayName the workflow's display name
 * @param status succeeded, failed or skipped
 * @param runId the id of its run, or {@code null} when no run was started (skipped, or failed before a run
 *     existed)
 * @param message for a failure, what went wrong; for a skip, why (naming the upstream workflow and entity);
 *     {@code null} on success
 * @param dependsOn the ids of the workflows that write one of its input entities and so ran before it
 * @param startedAt when its run started, or {@code null} when it did not run
 * @param finishedAt when its run ended, or {@code null} when it did not run
 */
public record WorkflowRefreshResult(String workflowId, String displayName, WorkflowRefreshStatus status,
        String runId, String message, List<String> dependsOn, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if a failed or skipped workflow has no message
     * @param workflowId the workflow's id
     * @param displayName the workflow's display name
     * @param status succeeded, failed or skipped
     * @param runId the id of its run, or {@code null} when no run was started (skipped, or failed before a run
     *     existed)
     * @param message for a failure, what went wrong; for a skip, why (naming the upstream workflow and entity);
     *     {@code null} on success
     * @param dependsOn the ids of the workflows that write one of its input entities and so ran before it
     * @param startedAt when its run started, or {@code null} when it did not run
     * @param finishedAt when its run ended, or {@code null} when it did not run
     */
    public WorkflowRefreshResult {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        dependsOn = List.copyOf(Objects.requireNonNull(dependsOn, "dependsOn"));
        if (status != WorkflowRefreshStatus.SUCCEEDED && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("A " + status + " workflow needs a message; workflow " + workflowId
                    + ".");
        }
    }
}
