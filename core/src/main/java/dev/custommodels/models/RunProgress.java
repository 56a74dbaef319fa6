package dev.custommodels.models;

import java.util.Objects;

/**
 * A run's progress, as each poll of its {@code SyncPoller} reports it.
 *
 * @param runId the run
 * @param status the run's status
 * @param phase the phase the run is in
 * @param exportedRows rows exported so far
 * @param rejectedRows rows rejected into the error ledger so far
 * @param remoteStatus the remote job's own status (such as {@code Running} or {@code Finalizing}), or
 *     {@code null} before it is submitted
 * @param remoteRowsDone rows the remote job has processed where it says, else -1
 * @param remoteRowsTotal rows the remote job will process where it says, else -1
 * @param resultRows result rows read so far
 */
public record RunProgress(String runId, RunStatus status, RunPhase phase, long exportedRows, long rejectedRows,
        String remoteStatus, long remoteRowsDone, long remoteRowsTotal, long resultRows) {

    /**
     * Checks required parts.
     *
     * @param runId the run
     * @param status the run's status
     * @param phase the phase the run is in
     * @param exportedRows rows exported so far
     * @param rejectedRows rows rejected into the error ledger so far
     * @param remoteStatus the remote job's own status (such as {@code Running} or {@code Finalizing}), or
     *     {@code null} before it is submitted
     * @param remoteRowsDone rows the remote job has processed where it says, else -1
     * @param remoteRowsTotal rows the remote job will process where it says, else -1
     * @param resultRows result rows read so far
     */
    public RunProgress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(phase, "phase");
    }
}
