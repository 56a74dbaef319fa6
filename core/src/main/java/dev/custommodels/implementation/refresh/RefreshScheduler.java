package dev.custommodels.implementation.refresh;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.RefreshListener;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshSchedule;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.ScheduledRefresh;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts refreshes when a {@link RefreshSchedule} says they are due, never two at once.
 *
 * <p>Overlap rule (skip, not coalesce): the next due time is chosen only when a refresh ends. Due times that
 * passed while it ran are skipped and reported once through {@link RefreshListener#onRefreshesSkipped}; the next
 * refresh starts at the first due time at or after the end. A due time at which another refresh of the client
 * holds the {@link RefreshGate} (a manual refresh) is skipped the same way. If the timer fires late (the host was
 * suspended), one refresh runs for the latest due time that passed and the earlier ones are reported skipped.
 * If it fires early (the wall clock was set back), it waits again. Each wait lasts at most
 * {@link #MAX_WAIT}, so a changed wall clock is noticed within that time.
 *
 * <p>Stopping ({@link #close()}) cancels the pending wait; a running refresh ends normally and nothing follows it.
 * Listener exceptions are logged and ignored. Thread-safe.
 */
public final class RefreshScheduler implements ScheduledRefresh {
    /** The longest single wait before the clock is read again. */
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final ClientLogger LOGGER = new ClientLogger(RefreshScheduler.class);

    private final RefreshSchedule schedule;
    private final Clock clock;
    private final RefreshTimer timer;
    private final RefreshGate gate;
    private final Supplier<RefreshResult> refresh;
    private final RefreshListener listener;
    private final Object lock = new Object();
    private DueTimes dueTimes;
    private RefreshTimer.Cancellable pending;
    private Instant nextDue;
    private boolean started;
    private boolean stopped;
    private boolean refreshing;

    /**
     * Creates a scheduler; {@link #start()} starts it.
     *
     * @param schedule when refreshes are due
     * @param clock the wall clock due times are read against
     * @param timer runs the waits; the refreshes run on its thread
     * @param gate shared with the client's other refreshes
     * @param refresh runs one refresh
     * @param listener hears what happens; may be {@code null}
     */
    public RefreshScheduler(RefreshSchedule schedule, Clock clock, RefreshTimer timer, RefreshGate gate,
            Supplier<RefreshResult> refresh, RefreshListener listener) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.listener = listener == null ? new RefreshListener() { } : listener;
    }

    /**
     * Starts the schedule: the first refresh is due at the schedule's first due time after now.
     *
     * @return this scheduler
     * @throws IllegalStateException if it was started before
     */
    public RefreshScheduler start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("This refresh schedule was already started.");
            }
            started = true;
            Instant now = clock.instant();
            dueTimes = DueTimes.of(schedule, now);
            Instant first = dueTimes.first(now);
            LOGGER.info("Refresh schedule {} started; first refresh due at {}.", schedule, first);
            arm(first);
        }
        return this;
    }

    @Override
    public RefreshSchedule getSchedule() {
        return schedule;
    }

    @Override
    public Optional<OffsetDateTime> getNextRefreshAt() {
        synchronized (lock) {
            return stopped || refreshing || nextDue == null ? Optional.empty() : Optional.of(utc(nextDue));
        }
    }

    @Override
    public boolean isRefreshing() {
        synchronized (lock) {
            return refreshing;
        }
    }

    @Override
    public boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!stopped || refreshing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                Duration wait = Duration.ofNanos(left);
                lock.wait(Math.max(1, wait.toMillis()));
            }
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            nextDue = null;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            lock.notifyAll();
        }
        timer.shutdown();
        LOGGER.info("Refresh schedule {} stopped.", schedule);
    }

    /** Waits until {@code due}, at most {@link #MAX_WAIT} at a time. Caller holds the lock. */
    private void arm(Instant due) {
        if (stopped) {
            return;
        }
        nextDue = due;
        Duration delay = Duration.between(clock.instant(), due);
        delay = delay.isNegative() ? Duration.ZERO : delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay;
        pending = timer.schedule(delay, () -> wake(due));
    }

    private void wake(Instant due) {
        Instant now = clock.instant();
        List<Consumer<RefreshListener>> events = new ArrayList<>();
        Instant latest;
        boolean run;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            pending = null;
            if (now.isBefore(due)) {
                arm(due);
                return;
            }
            latest = dueTimes.latestAtOrBefore(due, now);
            if (latest.isAfter(due)) {
                long missed = dueTimes.countFrom(due, latest);
                events.add(l -> l.onRefreshesSkipped(utc(due), missed, "the timer fired late (at " + now
                        + "), so one refresh runs for the latest due time " + latest));
            }
            run = gate.tryEnter(RefreshTrigger.SCHEDULE, now);
            if (run) {
                refreshing = true;
            } else {
                String holder = gate.describeHolder().orElse("another refresh was running");
                events.add(l -> l.onRefreshesSkipped(utc(latest), 1, holder));
                arm(dueTimes.next(latest));
            }
        }
        events.forEach(this::notify);
        if (run) {
            runRefresh(latest);
        }
    }

    private void runRefresh(Instant due) {
        List<Consumer<RefreshListener>> events = new ArrayList<>();
        try {
            notify(l -> l.onRefreshStarted(utc(due)));
            RefreshResult result = refresh.get();
            notify(l -> l.onRefreshCompleted(result));
        } catch (RuntimeException e) {
            LOGGER.warning("Scheduled refresh due at {} failed: {}", due, e.toString());
            notify(l -> l.onRefreshFailed(utc(due), e));
        } finally {
            gate.exit();
            synchronized (lock) {
                refreshing = false;
                lock.notifyAll();
                scheduleAfter(due, clock.instant(), events);
            }
        }
        events.forEach(this::notify);
    }

    /**
     * Chooses the next due time after a refresh for {@code due} ended at {@code end}. Caller holds the lock.
     *
     * @param events receives the skip report, to be delivered once the lock is released
     */
    private void scheduleAfter(Instant due, Instant end, List<Consumer<RefreshListener>> events) {
        if (stopped) {
            return;
        }
        Instant next = dueTimes.next(due);
        if (next.isBefore(end)) {
            Instant resume = dueTimes.atOrAfter(end);
            Instant firstSkipped = next;
            long count = dueTimes.countFrom(firstSkipped, resume);
            events.add(l -> l.onRefreshesSkipped(utc(firstSkipped), count, "the scheduled refresh due at " + due
                    + " was still running (it ended at " + end + ")"));
            next = resume;
        }
        arm(next);
    }

    private void notify(Consumer<RefreshListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOGGER.warning("A refresh listener threw; the schedule goes on: {}", e.toString());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
