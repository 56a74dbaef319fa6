package dev.custommodels.models;

/** The phases of a run, in order. */
public enum RunPhase {
    /**
     * The drift check, then the export of the bound entities into the lake, then the data transfer policy.
     * Nothing has left the lake yet.
     */
    EXPORT,
    /** Submitting the remote job. */
    SUBMIT,
    /** Waiting for the remote job. */
    REMOTE,
    /** Copying the model's output into the lake. */
    COLLECT,
    /** Relating each result row to a customer: Customer ID column, match rate, unknown and duplicate IDs. */
    RELATE,
    /** Committing the results as a new version of the output entity. */
    COMMIT,
    /** Nothing left to do: the run succeeded, failed or was cancelled. */
    DONE
}
