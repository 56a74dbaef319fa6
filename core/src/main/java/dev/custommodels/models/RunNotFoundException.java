package dev.custommodels.models;

/** There is no run with the given id in the lake. */
public final class RunNotFoundException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The run id asked for. */
    private final String runId;

    /**
     * Creates the exception.
     *
     * @param runId the run id asked for
     */
    public RunNotFoundException(String runId) {
        super("There is no run '" + runId + "' in the lake. List a workflow's runs with listRuns(workflowId).");
        this.runId = runId;
    }

    /**
     * Returns the run id asked for.
     *
     * @return the id
     */
    public String getRunId() {
        return runId;
    }
}
