package dev.custommodels.models;

import java.time.OffsetDateTime;

/**
 * Hears what a refresh, or a {@link ScheduledRefresh}, does. Every method has an empty default; implement those
 * you need. Methods are called one at a time, on the thread that runs the refresh (for a schedule, its own
 * thread); an exception thrown by a method is logged and does not stop the refresh or the schedule.
 */
public interface RefreshListener {
    /**
     * Called when a scheduled refresh starts.
     *
     * @param dueAt the time it was due
     */
    default void onRefreshStarted(OffsetDateTime dueAt) {
    }

    /**
     * Called as soon as one workflow of a refresh has succeeded, failed or been skipped.
     *
     * @param workflow how it fared
     */
    default void onWorkflowCompleted(WorkflowRefreshResult workflow) {
    }

    /**
     * Called when a scheduled refresh has run, whether or not every workflow succeeded.
     *
     * @param result what the refresh did
     */
    default void onRefreshCompleted(RefreshResult result) {
    }

    /**
     * Called when a scheduled refresh could not run at all, for example because the workflows could not be
     * listed. The schedule goes on.
     *
     * @param dueAt the time it was due
     * @param error what went wrong
     */
    default void onRefreshFailed(OffsetDateTime dueAt, RuntimeException error) {
    }

    /**
     * Called when due refreshes were skipped because another refresh was still running.
     *
     * @param firstDueAt the first skipped due time
     * @param count how many due times were skipped, at least 1
     * @param reason why, naming the refresh that was running
     */
    default void onRefreshesSkipped(OffsetDateTime firstDueAt, long count, String reason) {
    }
}
