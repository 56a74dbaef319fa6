package dev.custommodels.implementation.refresh;

import dev.custommodels.models.RefreshSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** The instants at which a schedule's refreshes are due. Immutable. */
abstract class DueTimes {
    /** How many due times {@link #countFrom} counts at most for a cron schedule. */
    static final long COUNT_LIMIT = 100_000;

    /**
     * Creates the due times of a schedule that starts at {@code start}.
     *
     * @param schedule the schedule
     * @param start when it starts
     * @return the due times
     */
    static DueTimes of(RefreshSchedule schedule, Instant start) {
        Objects.requireNonNull(schedule, "schedule");
        return schedule.getKind() == RefreshSchedule.Kind.CRON
                ? new Cron(CronExpression.parse(schedule.getCronExpression()), schedule.getZone())
                : new Interval(start.plus(schedule.getInitialDelay()), schedule.getInterval());
    }

    /**
     * Returns the first due time at or after the start.
     *
     * @param start when the schedule starts
     * @return the first due time
     */
    abstract Instant first(Instant start);

    /**
     * Returns the first due time strictly after {@code after}.
     *
     * @param after the instant
     * @return the next due time
     */
    abstract Instant next(Instant after);

    /**
     * Returns the first due time at or after {@code instant}.
     *
     * @param instant the instant
     * @return that due time
     */
    Instant atOrAfter(Instant instant) {
        return next(instant.minusNanos(1));
    }

    /**
     * Returns the latest due time that is not after {@code now}, starting from the due time {@code due}.
     *
     * @param due a due time not after {@code now}
     * @param now the instant
     * @return that due time; {@code due} itself when the next one is after {@code now}
     */
    Instant latestAtOrBefore(Instant due, Instant now) {
        Instant latest = due;
        for (Instant t = next(due); !t.isAfter(now); t = next(t)) {
            latest = t;
        }
        return latest;
    }

    /**
     * Counts the due times from {@code first} (a due time, counted) up to {@code end} (not counted).
     *
     * @param first a due time
     * @param end the end
     * @return the count; for a cron schedule at most {@link #COUNT_LIMIT}
     */
    long countFrom(Instant first, Instant end) {
        long count = 0;
        for (Instant t = first; t.isBefore(end) && count < COUNT_LIMIT; t = next(t)) {
            count++;
        }
        return count;
    }

    /** Due every interval from an anchor on. */
    private static final class Interval extends DueTimes {
        private final Instant anchor;
        private final Duration interval;

        Interval(Instant anchor, Duration interval) {
            this.anchor = anchor;
            this.interval = interval;
        }

        @Override
        Instant first(Instant start) {
            return anchor;
        }

        @Override
        Instant next(Instant after) {
            if (after.isBefore(anchor)) {
                return anchor;
            }
            long periods = Duration.between(anchor, after).dividedBy(interval);
            return anchor.plus(interval.multipliedBy(periods + 1));
        }

        @Override
        Instant latestAtOrBefore(Instant due, Instant now) {
            return now.isBefore(due) ? due : anchor.plus(interval.multipliedBy(
                    Duration.between(anchor, now).dividedBy(interval)));
        }

        @Override
        long countFrom(Instant first, Instant end) {
            return first.isBefore(end) ? Duration.between(first, end.minusNanos(1)).dividedBy(interval) + 1 : 0;
        }
    }

    /** Due at the times of a cron expression in a zone. */
    private static final class Cron extends DueTimes {
        private final CronExpression expression;
        private final ZoneId zone;

        Cron(CronExpression expression, ZoneId zone) {
            this.expression = expression;
            this.zone = zone;
        }

        @Override
        Instant first(Instant start) {
            return atOrAfter(start);
        }

        @Override
        Instant next(Instant after) {
            return expression.next(after.atZone(zone)).toInstant();
        }
    }
}
