package dev.custommodels.models;

/** An update presented an ETag that is no longer current: someone else updated the workflow first. */
public final class WorkflowConflictException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The workflow. */
    private final String workflowId;
    /** The ETag the caller presented. */
    private final String expectedEtag;
    /** The ETag stored now, or {@code null} if unknown. */
    private final String currentEtag;

    /**
     * Creates the exception.
     *
     * @param workflowId the workflow
     * @param expectedEtag the ETag the caller presented
     * @param currentEtag the ETag stored now, or {@code null} if unknown
     */
    public WorkflowConflictException(String workflowId, String expectedEtag, String currentEtag) {
        super("Workflow '" + workflowId + "' was changed by someone else: the update was based on ETag "
                + expectedEtag + " but the stored workflow has ETag " + (currentEtag == null ? "(unknown)" : currentEtag)
                + ". Get the workflow again, re-apply the change and update with the new ETag.");
        this.workflowId = workflowId;
        this.expectedEtag = expectedEtag;
        this.currentEtag = currentEtag;
    }

    /**
     * Returns the workflow id.
     *
     * @return the id
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the ETag the update was based on.
     *
     * @return the ETag presented
     */
    public String getExpectedEtag() {
        return expectedEtag;
    }

    /**
     * Returns the ETag stored now.
     *
     * @return the current ETag, or {@code null} when unknown
     */
    public String getCurrentEtag() {
        return currentEtag;
    }
}
