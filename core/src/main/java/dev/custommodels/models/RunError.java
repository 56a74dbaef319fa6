package dev.custommodels.models;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An error that stopped a run, or a problem it recorded on the way.
 *
 * @param phase the phase it happened in
 * @param code a short code: the remote service's error code for a failed remote job, otherwise one of ours such
 *     as {@code DriftDetected}, {@code TransferRefused}, {@code TooManyRejectedRows}, {@code MatchRateTooLow},
 *     {@code CustomerIdColumnMissing}, {@code Canceled}
 * @param message what happened and what to do
 * @param at when it happened
 */
public record RunError(RunPhase phase, String code, String message, OffsetDateTime at) {

    /**
     * Checks required parts.
     *
     * @param phase the phase it happened in
     * @param code a short code: the remote service's error code for a failed remote job, otherwise one of ours such
     *     as {@code DriftDetected}, {@code TransferRefused}, {@code TooManyRejectedRows}, {@code MatchRateTooLow},
     *     {@code CustomerIdColumnMissing}, {@code Canceled}
     * @param message what happened and what to do
     * @param at when it happened
     */
    public RunError {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
