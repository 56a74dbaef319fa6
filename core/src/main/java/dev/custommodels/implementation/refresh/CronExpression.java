package dev.custommodels.implementation.refresh;

import dev.custommodels.implementation.refresh.CronField.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) and the times it fires.
 *
 * <p>Syntax: numbers, {@code *}, lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15},
 * {@code 0-30/5}, {@code 5/10} meaning 5 to the end of the range), month names {@code JAN}-{@code DEC}, day names
 * {@code SUN}-{@code SAT} (case-insensitive; day 7 is Sunday like 0), {@code ?} in day-of-month or day-of-week
 * (same as {@code *}), and the macros {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly},
 * {@code @daily}, {@code @midnight} and {@code @hourly}. Ranges go from low to high. The Quartz extensions
 * ({@code L}, {@code W}, {@code #}, seconds and year fields) are rejected.
 *
 * <p>Days as in crontab(5): when both day-of-month and day-of-week are restricted (neither starts with
 * {@code *} nor is {@code ?}), a day matches if <em>either</em> matches; otherwise both must match. So
 * {@code 0 0 1,15 * MON} fires on the 1st, the 15th and every Monday, while {@code 0 0 *}{@code /2 * MON} fires on
 * Mondays that fall on odd days of the month.
 *
 * <p>Time zones: the expression is evaluated in local wall-clock time of the zone of the time given to
 * {@link #next(ZonedDateTime)}. A local time that does not exist (a daylight-saving gap, such as 02:30 on the
 * spring-forward day in Europe/Berlin) fires at the first instant after the gap, that is the transition instant
 * (03:00 local in that example); all the times one gap swallows fire there once, together with a scheduled time
 * equal to that instant. A local time that occurs twice (the fall-back overlap) fires once, at its first
 * occurrence (the earlier offset); the repeated hour fires nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class CronExpression {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String FORMAT = "expected 5 fields: minute hour day-of-month month day-of-week, such as "
            + "'0 2 * * *' for 02:00 every day, or a macro: @yearly, @monthly, @weekly, @daily or @hourly";
    /**
     * Longer than the longest wait for any expression that passes {@link #checkCanFire}: 8 years between two
     * February 29ths around 2100, and at most 12 years until a given date falls on a given day of the week.
     */
    private static final int SEARCH_YEARS = 30;

    private final String text;
    private final CronField minutes;
    private final CronField hours;
    private final CronField daysOfMonth;
    private final CronField months;
    private final CronField daysOfWeek;

    private CronExpression(String text, CronField[] fields) {
        this.text = text;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        this.daysOfWeek = fields[4];
    }

    /**
     * Parses an expression.
     *
     * @param expression the expression, such as {@code 0 2 * * MON-FRI}
     * @return the parsed expression
     * @throws NullPointerException if the expression is null
     * @throws IllegalArgumentException naming the bad field, what is wrong and what is allowed, or saying that
     *     the expression never fires
     */
    public static CronExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.trim();
        String source = trimmed;
        if (trimmed.startsWith("@")) {
            source = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
            if (source == null) {
                throw new IllegalArgumentException("Cron expression '" + expression + "': unknown macro '" + trimmed
                        + "'; " + FORMAT + ".");
            }
        }
        String[] parts = source.isEmpty() ? new String[0] : source.split("\\s+");
        if (parts.length != 5) {
            String hint = parts.length == 6 || parts.length == 7
                    ? " (Quartz-style seconds and year fields are not supported)" : "";
            throw new IllegalArgumentException("Cron expression '" + expression + "' has " + parts.length
                    + " fields" + hint + "; " + FORMAT + ".");
        }
        Kind[] kinds = Kind.values();
        CronField[] fields = new CronField[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = CronField.parse(kinds[i], parts[i], expression);
        }
        CronExpression parsed = new CronExpression(trimmed, fields);
        parsed.checkCanFire(expression);
        return parsed;
    }

    /**
     * Returns the first time after {@code after}, strictly, at which the expression fires, in the zone of
     * {@code after} and following the daylight-saving rules of the class description.
     *
     * @param after the time to search from; its zone is the zone the expression is evaluated in
     * @return the next firing time, in that zone, at a whole minute
     * @throws NullPointerException if {@code after} is null
     */
    public ZonedDateTime next(ZonedDateTime after) {
        Objects.requireNonNull(after, "after");
        ZoneId zone = after.getZone();
        Instant afterInstant = after.toInstant();
        LocalDateTime candidate = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (true) {
            LocalDateTime local = nextLocal(candidate);
            Instant instant = resolve(local, zone.getRules());
            if (instant.isAfter(afterInstant)) {
                return ZonedDateTime.ofInstant(instant, zone);
            }
            candidate = local.plusMinutes(1); // the second pass of an overlap: its times already fired
        }
    }

    /**
     * Tells whether a local date and time matches the expression, ignoring time zones.
     *
     * @param local the date and time; seconds are ignored
     * @return whether it matches
     */
    public boolean matches(LocalDateTime local) {
        return dateMatches(local.toLocalDate()) && hours.has(local.getHour()) && minutes.has(local.getMinute());
    }

    @Override
    public String toString() {
        return text;
    }

    private LocalDateTime nextLocal(LocalDateTime from) {
        LocalDate day = from.toLocalDate();
        LocalTime time = from.toLocalTime();
        LocalDate limit = day.plusYears(SEARCH_YEARS);
        while (!day.isAfter(limit)) {
            if (!months.has(day.getMonthValue())) {
                day = day.withDayOfMonth(1).plusMonths(1);
                time = LocalTime.MIDNIGHT;
                continue;
            }
            if (dateMatches(day)) {
                LocalTime found = timeAtOrAfter(time);
                if (found != null) {
                    return day.atTime(found);
                }
            }
            day = day.plusDays(1);
            time = LocalTime.MIDNIGHT;
        }
        throw new IllegalStateException("Cron expression '" + text + "' does not fire within " + SEARCH_YEARS
                + " years after " + from + ".");
    }

    private boolean dateMatches(LocalDate day) {
        if (!months.has(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.has(day.getDayOfMonth());
        boolean dow = daysOfWeek.has(day.getDayOfWeek().getValue() % 7);
        return daysOfMonth.restricted() && daysOfWeek.restricted() ? dom || dow : dom && dow;
    }

    private LocalTime timeAtOrAfter(LocalTime from) {
        for (int hour = hours.nextFrom(from.getHour()); hour >= 0; hour = hours.nextFrom(hour + 1)) {
            int minute = minutes.nextFrom(hour == from.getHour() ? from.getMinute() : 0);
            if (minute >= 0) {
                return LocalTime.of(hour, minute);
            }
        }
        return null;
    }

    private static Instant resolve(LocalDateTime local, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        Instant first = local.toInstant(offsets.get(0));
        for (ZoneOffset offset : offsets) {
            Instant other = local.toInstant(offset);
            if (other.isBefore(first)) {
                first = other;
            }
        }
        return first;
    }

    private void checkCanFire(String expression) {
        if (daysOfMonth.restricted() && daysOfWeek.restricted()) {
            return; // either field may match, and every day of the week occurs in every month
        }
        int firstDay = daysOfMonth.nextFrom(1);
        for (Month month : Month.values()) {
            if (months.has(month.getValue()) && firstDay >= 1 && firstDay <= month.maxLength()) {
                return;
            }
        }
        throw new IllegalArgumentException("Cron expression '" + expression + "' never fires: no month it allows "
                + "has a day it allows (day " + firstDay + " is the earliest allowed day-of-month); "
                + "check the day-of-month and month fields.");
    }
}
