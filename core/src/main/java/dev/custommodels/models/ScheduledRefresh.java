package dev.custommodels.models;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A running refresh schedule. Closing it stops further refreshes; a refresh already running is not interrupted
 * and ends normally. Thread-safe.
 */
public interface ScheduledRefresh extends AutoCloseable {
    /**
     * Returns the schedule.
     *
     * @return the schedule this handle follows
     */
    RefreshSchedule getSchedule();

    /**
     * Returns when the next refresh is due.
     *
     * @return the due time, or empty while a refresh is running (the next one is chosen when it ends) and once
     *     stopped
     */
    Optional<OffsetDateTime> getNextRefreshAt();

    /**
     * Tells whether a scheduled refresh is running now.
     *
     * @return whether one is running
     */
    boolean isRefreshing();

    /**
     * Tells whether the schedule was stopped.
     *
     * @return whether {@link #close()} was called
     */
    boolean isStopped();

    /**
     * Waits until the schedule is stopped and no refresh of it is running.
     *
     * @param timeout the longest time to wait
     * @return whether that state was reached within the timeout
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** Stops the schedule. Idempotent; does not wait for a running refresh, see {@link #awaitTermination}. */
    @Override
    void close();
}
