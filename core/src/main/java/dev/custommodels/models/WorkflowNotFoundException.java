package dev.custommodels.models;

/** No workflow has the given id. */
public final class WorkflowNotFoundException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The id that was not found. */
    private final String workflowId;

    /**
     * Creates the exception.
     *
     * @param workflowId the id that was not found
     */
    public WorkflowNotFoundException(String workflowId) {
        super("No workflow with id '" + workflowId + "' exists in the lake.");
        this.workflowId = workflowId;
    }

    /**
     * Returns the id that was not found.
     *
     * @return the workflow id
     */
    public String getWorkflowId() {
        return workflowId;
    }
}
