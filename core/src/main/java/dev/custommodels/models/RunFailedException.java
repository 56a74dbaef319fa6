package dev.custommodels.models;

/**
 * A run failed: the remote job failed, or the run stopped itself (too many rejected rows, a match rate under the
 * threshold, a missing Customer ID column, ...). Carries the run, the connector, and the service's error code and
 * detail (or one of ours, see {@link RunError#code()}). The run record ({@code getRun}) holds the same error.
 */
public class RunFailedException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The run. */
    private final String runId;
    /** The workflow. */
    private final String workflowId;
    /** The connector of the workflow's model. */
    private final String connector;
    /** The phase that failed. */
    private final RunPhase phase;
    /** The service's error code, or ours. */
    private final String errorCode;
    /** The service's error message, or ours. */
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param runId the run
     * @param workflowId the workflow
     * @param connector the connector of the workflow's model
     * @param phase the phase that failed
     * @param errorCode the service's error code, or ours
     * @param detail the service's error message, or ours
     */
    public RunFailedException(String message, String runId, String workflowId, String connector, RunPhase phase,
            String errorCode, String detail) {
        super(message);
        this.runId = runId;
        this.workflowId = workflowId;
        this.connector = connector;
        this.phase = phase;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /**
     * Returns the run.
     *
     * @return the run id
     */
    public String getRunId() {
        return runId;
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
     * Returns the connector.
     *
     * @return the connector name
     */
    public String getConnector() {
        return connector;
    }

    /**
     * Returns the phase that failed.
     *
     * @return the phase
     */
    public RunPhase getPhase() {
        return phase;
    }

    /**
     * Returns the error code: the remote service's for a failed remote job, otherwise one of ours.
     *
     * @return the code
     */
    public String getErrorCode() {
        return errorCode;
    }

    /**
     * Returns the detail: the remote service's error message for a failed remote job, otherwise ours.
     *
     * @return the detail, possibly {@code null}
     */
    public String getDetail() {
        return detail;
    }
}
