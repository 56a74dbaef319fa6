package dev.custommodels.implementation.refresh;

/**
 * How one workflow's run ended.
 *
 * @param succeeded whether the run committed its output
 * @param runId the run's id, or {@code null} when it failed before a run existed
 * @param message what went wrong, for a failure; may be {@code null} on success
 */
public record RunOutcome(boolean succeeded, String runId, String message) {

    /**
     * Validates the outcome.
     *
     * @throws IllegalArgumentException if a failure has no message or a success no run id
     */
    public RunOutcome {
        if (succeeded && (runId == null || runId.isBlank())) {
            throw new IllegalArgumentException("A succeeded run needs its run id.");
        }
        if (!succeeded && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("A failed run needs a message saying what went wrong.");
        }
    }

    /**
     * A run that succeeded.
     *
     * @param runId its id
     * @return the outcome
     */
    public static RunOutcome succeeded(String runId) {
        return new RunOutcome(true, runId, null);
    }

    /**
     * A run that failed.
     *
     * @param runId its id, or {@code null} when no run was started
     * @param message what went wrong
     * @return the outcome
     */
    public static RunOutcome failed(String runId, String message) {
        return new RunOutcome(false, runId, message);
    }
}
