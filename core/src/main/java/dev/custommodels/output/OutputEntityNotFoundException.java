package dev.custommodels.output;

import dev.custommodels.models.CustomModelsException;

/**
 * An output entity, or the version of a run within it, is not in the lake: never written, deleted, or (for a
 * version) no longer among the retained ones. The message lists what exists.
 */
public final class OutputEntityNotFoundException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The entity asked for. */
    private final String entityName;
    /** The run whose version was asked for, or {@code null} when the entity itself is missing. */
    private final String runId;

    /**
     * Creates the exception.
     *
     * @param entityName the entity asked for
     * @param runId the run whose version was asked for, or {@code null} when the entity itself is missing
     * @param message the full message
     */
    public OutputEntityNotFoundException(String entityName, String runId, String message) {
        super(message);
        this.entityName = entityName;
        this.runId = runId;
    }

    /**
     * Returns the entity asked for.
     *
     * @return the entity name
     */
    public String getEntityName() {
        return entityName;
    }

    /**
     * Returns the run whose version was asked for.
     *
     * @return the run id, or {@code null} when the entity itself is missing
     */
    public String getRunId() {
        return runId;
    }
}
