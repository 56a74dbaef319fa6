package dev.custommodels.implementation.refresh;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay; the seam between {@link RefreshScheduler} and real or virtual time. Tests use a
 * timer driven by a manually advanced clock.
 */
public interface RefreshTimer {
    /**
     * Runs a task once after a delay.
     *
     * @param delay the delay, zero or more
     * @param task the task
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** Releases the timer's threads, if it owns any. A task already running finishes. */
    default void shutdown() {
    }

    /** Cancels a scheduled task. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; does not interrupt it if it has. */
        void cancel();
    }

    /**
     * A timer on an executor owned by the caller; {@link #shutdown()} leaves the executor alone.
     *
     * @param executor the executor
     * @return the timer
     */
    static RefreshTimer on(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }

    /**
     * A timer with its own daemon thread, which {@link #shutdown()} ends.
     *
     * @param threadName the thread's name
     * @return the timer
     */
    static RefreshTimer ownThread(String threadName) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        RefreshTimer timer = on(executor);
        return new RefreshTimer() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return timer.schedule(delay, task);
            }

            @Override
            public void shutdown() {
                executor.shutdown();
            }
        };
    }
}
