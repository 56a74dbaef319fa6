package dev.custommodels.models;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one refresh did: every workflow in the order they were planned (a workflow after those that write its
 * input entities), each succeeded, failed or skipped.
 *
 * @param trigger what started the refresh
 * @param startedAt when the refresh started
 * @param finishedAt when it ended
 * @param workflows one entry per workflow, in planned order
 * @param warnings things that did not stop the refresh but deserve a look, such as two workflows writing the same
 *     output entity
 */
public record RefreshResult(RefreshTrigger trigger, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        List<WorkflowRefreshResult> workflows, List<String> warnings) {

    /**
     * Checks that every part is present and copies the lists.
     *
     * @param trigger what started the refresh
     * @param startedAt when the refresh started
     * @param finishedAt when it ended
     * @param workflows one entry per workflow, in planned order
     * @param warnings things that did not stop the refresh but deserve a look, such as two workflows writing the same
     *     output entity
     */
    public RefreshResult {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        workflows = List.copyOf(Objects.requireNonNull(workflows, "workflows"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Tells whether every workflow succeeded (also true when there were none).
     *
     * @return whether nothing failed or was skipped
     */
    public boolean isSuccessful() {
        return workflows.stream().allMatch(w -> w.status() == WorkflowRefreshStatus.SUCCEEDED);
    }

    /**
     * Returns the workflows with a status.
     *
     * @param status the status
     * @return those workflows, in planned order
     */
    public List<WorkflowRefreshResult> withStatus(WorkflowRefreshStatus status) {
        Objects.requireNonNull(status, "status");
        return workflows.stream().filter(w -> w.status() == status).toList();
    }

    /**
     * Finds the entry of one workflow.
     *
     * @param workflowId the workflow's id
     * @return its entry, or empty when the workflow was not part of the refresh
     */
    public Optional<WorkflowRefreshResult> workflow(String workflowId) {
        return workflows.stream().filter(w -> w.workflowId().equals(workflowId)).findFirst();
    }
}
