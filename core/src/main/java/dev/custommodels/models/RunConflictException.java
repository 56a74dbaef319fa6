package dev.custommodels.models;

import java.time.OffsetDateTime;

/**
 * A run could not start or resume because another run of the workflow is active, here or in another process
 * sharing the lake. Names the active run and when its lease expires.
 */
public final class RunConflictException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The workflow. */
    private final String workflowId;
    /** The active run. */
    private final String activeRunId;
    /** When the active run's lease expires unless renewed. */
    private final OffsetDateTime leaseExpiresAt;

    /**
     * Creates the exception.
     *
     * @param workflowId the workflow
     * @param activeRunId the active run
     * @param leaseExpiresAt when the active run's lease expires unless renewed
     * @param resuming whether the refused call was a resume of the active run itself
     */
    public RunConflictException(String workflowId, String activeRunId, OffsetDateTime leaseExpiresAt,
            boolean resuming) {
        super(resuming
                ? "Run '" + activeRunId + "' of workflow '" + workflowId + "' is still active in another process"
                        + " (its lease expires at " + leaseExpiresAt + " unless renewed). Resume it after that"
                        + " time, once its process has stopped."
                : "Workflow '" + workflowId + "' has an active run '" + activeRunId + "' (its lease expires at "
                        + leaseExpiresAt + " unless renewed); one run per workflow at a time. Wait for it, or"
                        + " resume it with resumeRun(\"" + activeRunId + "\") if its process stopped.");
        this.workflowId = workflowId;
        this.activeRunId = activeRunId;
        this.leaseExpiresAt = leaseExpiresAt;
    }

    /**
     * Returns the workflow.
     *
     * @return the workflow id
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the active run.
     *
     * @return its id
     */
    public String getActiveRunId() {
        return activeRunId;
    }

    /**
     * Returns when the active run's lease expires unless renewed.
     *
     * @return the time
     */
    public OffsetDateTime getLeaseExpiresAt() {
        return leaseExpiresAt;
    }
}
