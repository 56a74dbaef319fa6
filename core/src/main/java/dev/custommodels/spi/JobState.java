package dev.custommodels.spi;

/** The normalised state of a remote job. The service's own status string is kept in {@link JobStatus}. */
public enum JobState {
    /** Accepted, not running yet. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished with output. */
    SUCCEEDED,
    /** Finished without usable output. */
    FAILED,
    /** Cancelled. */
    CANCELED;

    /**
     * Tells whether the job will not change any more.
     *
     * @return {@code true} for succeeded, failed and cancelled
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }
}
