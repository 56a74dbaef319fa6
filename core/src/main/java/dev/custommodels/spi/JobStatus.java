package dev.custommodels.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One observation of a remote job.
 *
 * @param state the normalised state
 * @param remoteStatus the service's own status, such as {@code NotStarted} or {@code Finalizing}
 * @param errorCode the service's error code when failed, or {@code null}
 * @param errorMessage the service's error message when failed, or {@code null}
 * @param rowsDone rows processed so far where known, else -1
 * @param rowsTotal rows in all where known, else -1
 * @param retryAfter how long the service asked to wait before the next poll, or {@code null}
 */
public record JobStatus(JobState state, String remoteStatus, String errorCode, String errorMessage, long rowsDone,
        long rowsTotal, Duration retryAfter) {

    /**
     * Checks required parts.
     *
     * @param state the normalised state
     * @param remoteStatus the service's own status, such as {@code NotStarted} or {@code Finalizing}
     * @param errorCode the service's error code when failed, or {@code null}
     * @param errorMessage the service's error message when failed, or {@code null}
     * @param rowsDone rows processed so far where known, else -1
     * @param rowsTotal rows in all where known, else -1
     * @param retryAfter how long the service asked to wait before the next poll, or {@code null}
     */
    public JobStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(remoteStatus, "remoteStatus");
    }

    /**
     * Creates a status without progress figures or error.
     *
     * @param state the state
     * @param remoteStatus the service's status
     * @return the status
     */
    public static JobStatus of(JobState state, String remoteStatus) {
        return new JobStatus(state, remoteStatus, null, null, -1, -1, null);
    }

    /**
     * Creates a failed status.
     *
     * @param remoteStatus the service's status
     * @param errorCode the service's error code
     * @param errorMessage the service's error message
     * @return the status
     */
    public static JobStatus failed(String remoteStatus, String errorCode, String errorMessage) {
        return new JobStatus(JobState.FAILED, remoteStatus, errorCode, errorMessage, -1, -1, null);
    }
}
