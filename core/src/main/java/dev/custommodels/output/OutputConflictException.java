package dev.custommodels.output;

import dev.custommodels.models.CustomModelsException;

/**
 * A writer's commit lost: another version of the entity was committed after the writer opened, so its
 * model.json changed. Nothing of this writer's version became visible and its files were removed. Open a new
 * writer (it sees the new version) and write the rows again.
 */
public final class OutputConflictException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The output entity. */
    private final String entityName;
    /** The run whose version lost. */
    private final String runId;

    /**
     * Creates the exception.
     *
     * @param entityName the output entity
     * @param runId the run whose version lost
     * @param detail what changed
     * @param cause the failed conditional write, or {@code null}
     */
    public OutputConflictException(String entityName, String runId, String detail, Throwable cause) {
        super("The version of run '" + runId + "' of output entity '" + entityName + "' was not committed: "
                + detail + ". Nothing of it is visible; open a new writer and write the rows again.", cause);
        this.entityName = entityName;
        this.runId = runId;
    }

    /**
     * Returns the output entity.
     *
     * @return the entity name
     */
    public String getEntityName() {
        return entityName;
    }

    /**
     * Returns the run whose version was not committed.
     *
     * @return the run id
     */
    public String getRunId() {
        return runId;
    }
}
