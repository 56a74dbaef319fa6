package dev.custommodels.models;

import dev.custommodels.implementation.refresh.CronExpression;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When scheduled refreshes happen: at a fixed interval, or at the times of a cron expression in a time zone.
 *
 * <p>A fixed interval counts elapsed time and ignores time zones and daylight saving: the first refresh is due
 * {@link #getInitialDelay()} after the schedule starts, then one every {@link #getInterval()}, on that grid.
 *
 * <p>A cron expression has five fields, {@code minute hour day-of-month month day-of-week}, read in the wall-clock
 * time of the zone: {@code *}, lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15},
 * {@code 0-30/5}), names {@code JAN}-{@code DEC} and {@code SUN}-{@code SAT}, {@code ?} in either day field, and
 * the macros {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly} and {@code @yearly}. When both
 * day fields are restricted, a day matches if either does (as in crontab(5)). A time skipped by a daylight-saving
 * change fires once at the end of the gap (02:30 on the spring-forward day in Europe/Berlin fires at 03:00); a
 * time repeated by one fires once, at its first occurrence.
 *
 * <p>A refresh is never started while another one of the same client is still running: a refresh that would be
 * due then is skipped and reported to the {@link RefreshListener}, and the next one starts at the first due time
 * after the running one ended.
 *
 * <p>Immutable.
 */
public final class RefreshSchedule {
    /** The two kinds of schedule. */
    public enum Kind {
        /** A fixed interval of elapsed time. */
        FIXED_INTERVAL,
        /** A cron expression in a time zone. */
        CRON
    }

    private final Kind kind;
    private final Duration interval;
    private final Duration initialDelay;
    private final String cronExpression;
    private final ZoneId zone;

    private RefreshSchedule(Kind kind, Duration interval, Duration initialDelay, String cronExpression, ZoneId zone) {
        this.kind = kind;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.cronExpression = cronExpression;
        this.zone = zone;
    }

    /**
     * Creates a schedule that refreshes every {@code interval}, the first time one interval after it starts.
     *
     * @param interval the time between two due refreshes
     * @return the schedule
     * @throws NullPointerException if the interval is null
     * @throws IllegalArgumentException if the interval is zero or negative
     */
    public static RefreshSchedule fixedInterval(Duration interval) {
        return fixedInterval(interval, interval);
    }

    /**
     * Creates a schedule that refreshes {@code initialDelay} after it starts and then every {@code interval}.
     *
     * @param interval the time between two due refreshes
     * @param initialDelay the time from the start of the schedule to the first refresh; zero for at once
     * @return the schedule
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the interval is not positive or the initial delay is negative
     */
    public static RefreshSchedule fixedInterval(Duration interval, Duration initialDelay) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(initialDelay, "initialDelay");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("A refresh interval must be positive; got " + interval + ".");
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("A refresh initial delay must not be negative; got " + initialDelay
                    + ".");
        }
        return new RefreshSchedule(Kind.FIXED_INTERVAL, interval, initialDelay, null, null);
    }

    /**
     * Creates a schedule that refreshes at the times of a cron expression, read in a time zone.
     *
     * @param expression five fields, {@code minute hour day-of-month month day-of-week}, such as
     *     {@code 0 2 * * MON-FRI} for 02:00 on weekdays, or a macro such as {@code @daily}
     * @param zone the time zone whose wall-clock time the expression is read in, such as
     *     {@code ZoneId.of("Europe/Berlin")}
     * @return the schedule
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the expression is not valid, naming the bad field, what is wrong and what
     *     that field allows, or if it can never fire (such as {@code 0 0 30 2 *})
     */
    public static RefreshSchedule cron(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        String normalized = CronExpression.parse(expression).toString();
        return new RefreshSchedule(Kind.CRON, null, null, normalized, zone);
    }

    /**
     * Returns the kind of schedule.
     *
     * @return fixed interval or cron
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Returns the interval of a fixed-interval schedule.
     *
     * @return the interval, or {@code null} for a cron schedule
     */
    public Duration getInterval() {
        return interval;
    }

    /**
     * Returns the delay before the first refresh of a fixed-interval schedule.
     *
     * @return the delay, or {@code null} for a cron schedule
     */
    public Duration getInitialDelay() {
        return initialDelay;
    }

    /**
     * Returns the cron expression of a cron schedule, trimmed.
     *
     * @return the expression, or {@code null} for a fixed-interval schedule
     */
    public String getCronExpression() {
        return cronExpression;
    }

    /**
     * Returns the time zone of a cron schedule.
     *
     * @return the zone, or {@code null} for a fixed-interval schedule
     */
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefreshSchedule other && kind == other.kind && Objects.equals(interval, other.interval)
                && Objects.equals(initialDelay, other.initialDelay)
                && Objects.equals(cronExpression, other.cronExpression) && Objects.equals(zone, other.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, interval, initialDelay, cronExpression, zone);
    }

    @Override
    public String toString() {
        return kind == Kind.CRON
                ? "RefreshSchedule{cron='" + cronExpression + "', zone=" + zone + "}"
                : "RefreshSchedule{every " + interval + ", first after " + initialDelay + "}";
    }
}
