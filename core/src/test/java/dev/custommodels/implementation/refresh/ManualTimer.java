package dev.custommodels.implementation.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link RefreshTimer} on virtual time: tasks run on the test's thread when the test advances the clock past
 * their due instant. Not thread-safe; one test thread drives it.
 */
final class ManualTimer implements RefreshTimer {
    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    ManualTimer(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable runnable) {
        if (shutdown) {
            throw new IllegalStateException("The timer was shut down.");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        Task task = new Task(clock.instant().plus(delay), sequence++, runnable);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        tasks.clear();
    }

    /** Runs every task due up to {@code target} in order, moving the clock to each task's instant, then to target. */
    void advanceTo(Instant target) {
        while (!tasks.isEmpty() && !tasks.peek().due.isAfter(target)) {
            Task task = tasks.poll();
            if (clock.instant().isBefore(task.due)) {
                clock.set(task.due);
            }
            task.runnable.run();
        }
        if (clock.instant().isBefore(target)) {
            clock.set(target);
        }
    }

    void advance(Duration duration) {
        advanceTo(clock.instant().plus(duration));
    }

    /** Runs the next task now, without moving the clock, as a monotonic timer would after the wall clock went back. */
    void fireNextNow() {
        tasks.poll().runnable.run();
    }

    /** Runs the tasks whose due instant has passed, without moving the clock: a timer that woke late. */
    void fireOverdue() {
        while (!tasks.isEmpty() && !tasks.peek().due.isAfter(clock.instant())) {
            tasks.poll().runnable.run();
        }
    }

    int pending() {
        return tasks.size();
    }

    boolean isShutdown() {
        return shutdown;
    }

    private record Task(Instant due, long seq, Runnable runnable) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int c = due.compareTo(other.due);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }
}
