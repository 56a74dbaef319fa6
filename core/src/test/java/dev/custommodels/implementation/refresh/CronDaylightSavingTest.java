package dev.custommodels.implementation.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cron times across daylight-saving changes: a skipped time fires at the end of the gap, a repeated one once. */
class CronDaylightSavingTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<String> fireTimes(String expression, ZoneId zone, String localStart, int count) {
        CronExpression cron = CronExpression.parse(expression);
        ZonedDateTime t = LocalDateTime.parse(localStart).atZone(zone);
        List<String> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            t = cron.next(t);
            times.add(t.toOffsetDateTime().toString());
        }
        return times;
    }

    @Test
    void berlinSpringForwardFiresASkippedTimeOnceAtTheEndOfTheGap() {
        // 2024-03-31: 02:00 CET becomes 03:00 CEST; 02:30 does not exist
        assertThat(fireTimes("30 2 * * *", BERLIN, "2024-03-30T00:00", 3)).containsExactly(
                "2024-03-30T02:30+01:00", "2024-03-31T03:00+02:00", "2024-04-01T02:30+02:00");
        // every time of the gap lands on 03:00, which fires once
        assertThat(fireTimes("0,15,30,45 2 * * *", BERLIN, "2024-03-31T00:00", 2)).containsExactly(
                "2024-03-31T03:00+02:00", "2024-04-01T02:00+02:00");
        assertThat(fireTimes("*/30 * * * *", BERLIN, "2024-03-31T01:00", 4)).containsExactly(
                "2024-03-31T01:30+01:00", "2024-03-31T03:00+02:00", "2024-03-31T03:30+02:00",
                "2024-03-31T04:00+02:00");
        assertThat(fireTimes("0 3 * * *", BERLIN, "2024-03-31T00:00", 2)).containsExactly(
                "2024-03-31T03:00+02:00", "2024-04-01T03:00+02:00");
    }

    @Test
    void berlinFallBackFiresARepeatedTimeOnceAtItsFirstOccurrence() {
        // 2024-10-27: 03:00 CEST becomes 02:00 CET; 02:00-02:59 happens twice
        assertThat(fireTimes("30 2 * * *", BERLIN, "2024-10-26T00:00", 3)).containsExactly(
                "2024-10-26T02:30+02:00", "2024-10-27T02:30+02:00", "2024-10-28T02:30+01:00");
        assertThat(fireTimes("*/30 * * * *", BERLIN, "2024-10-27T01:00", 5)).containsExactly(
                "2024-10-27T01:30+02:00", "2024-10-27T02:00+02:00", "2024-10-27T02:30+02:00",
                "2024-10-27T03:00+01:00", "2024-10-27T03:30+01:00");
    }

    @Test
    void searchingFromInsideTheRepeatedHourSkipsTimesThatAlreadyFired() {
        CronExpression cron = CronExpression.parse("*/10 * * * *");
        ZonedDateTime secondPass = ZonedDateTime.ofStrict(LocalDateTime.parse("2024-10-27T02:15"),
                ZoneOffset.ofHours(1), BERLIN);
        assertThat(cron.next(secondPass).toOffsetDateTime().toString()).isEqualTo("2024-10-27T03:00+01:00");
        ZonedDateTime firstPass = ZonedDateTime.ofStrict(LocalDateTime.parse("2024-10-27T02:15"),
                ZoneOffset.ofHours(2), BERLIN);
        assertThat(cron.next(firstPass).toOffsetDateTime().toString()).isEqualTo("2024-10-27T02:20+02:00");
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        // 2024-03-10: 02:00 EST becomes 03:00 EDT
        assertThat(fireTimes("30 2 * * *", NEW_YORK, "2024-03-09T12:00", 3)).containsExactly(
                "2024-03-10T03:00-04:00", "2024-03-11T02:30-04:00", "2024-03-12T02:30-04:00");
        // 2024-11-03: 02:00 EDT becomes 01:00 EST; 01:30 happens twice
        assertThat(fireTimes("30 1 * * *", NEW_YORK, "2024-11-02T12:00", 3)).containsExactly(
                "2024-11-03T01:30-04:00", "2024-11-04T01:30-05:00", "2024-11-05T01:30-05:00");
        assertThat(fireTimes("0 * * * *", NEW_YORK, "2024-11-03T00:00", 3)).containsExactly(
                "2024-11-03T01:00-04:00", "2024-11-03T02:00-05:00", "2024-11-03T03:00-05:00");
    }

    @Test
    void aGapAtMidnightFiresAMidnightScheduleAtTheEndOfTheGap() {
        // Sao Paulo skipped 2018-11-04T00:00-00:59
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        assertThat(fireTimes("0 0 * * *", saoPaulo, "2018-11-03T12:00", 2)).containsExactly(
                "2018-11-04T01:00-02:00", "2018-11-05T00:00-02:00");
    }

    @Test
    void aThirtyMinuteShiftIsHandledLikeAnHour() {
        // Lord Howe Island: 2024-10-06 02:00 +10:30 becomes 02:30 +11:00
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        assertThat(fireTimes("15 2 * * *", lordHowe, "2024-10-06T00:00", 2)).containsExactly(
                "2024-10-06T02:30+11:00", "2024-10-07T02:15+11:00");
    }

    /** Every expression, every zone: next() gives exactly the times an independent minute-by-minute scan finds. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "* * * * *", "*/15 * * * *", "*/7 * * * *", "30 2 * * *", "0 2 * * *", "0,30 1-3 * * *", "59 1 * * *",
        "0 3 * * *", "0 0 * * *", "15 2 * * SUN", "0 */2 * * *", "45 0-4 * * *", "0 1 27-31 3,10 *",
    })
    void nextMatchesAMinuteByMinuteScanAroundTransitions(String expression) {
        CronExpression cron = CronExpression.parse(expression);
        List<String[]> windows = List.of(
                new String[] {"Europe/Berlin", "2024-03-30T00:00:00Z", "2024-04-02T00:00:00Z"},
                new String[] {"Europe/Berlin", "2024-10-26T00:00:00Z", "2024-10-29T00:00:00Z"},
                new String[] {"America/New_York", "2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z"},
                new String[] {"America/New_York", "2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z"},
                new String[] {"America/Sao_Paulo", "2018-11-03T00:00:00Z", "2018-11-06T00:00:00Z"},
                new String[] {"America/Sao_Paulo", "2019-02-15T00:00:00Z", "2019-02-18T00:00:00Z"},
                new String[] {"Australia/Lord_Howe", "2024-04-06T00:00:00Z", "2024-04-09T00:00:00Z"},
                new String[] {"Australia/Lord_Howe", "2024-10-05T00:00:00Z", "2024-10-08T00:00:00Z"});
        for (String[] w : windows) {
            ZoneId zone = ZoneId.of(w[0]);
            Instant from = Instant.parse(w[1]);
            Instant to = Instant.parse(w[2]);
            List<Instant> viaNext = new ArrayList<>();
            for (ZonedDateTime t = cron.next(from.atZone(zone)); t.toInstant().isBefore(to); t = cron.next(t)) {
                viaNext.add(t.toInstant());
            }
            assertThat(viaNext).as("%s in %s from %s", expression, zone, from).isEqualTo(scan(cron, zone, from, to));
        }
    }

    /** The documented rule, applied instant by instant. */
    private static List<Instant> scan(CronExpression cron, ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        List<Instant> fires = new ArrayList<>();
        for (Instant t = from.plus(Duration.ofMinutes(1)); t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            List<ZoneOffset> valid = rules.getValidOffsets(local);
            boolean firstOccurrence = valid.size() == 1 || rules.getOffset(t).equals(maxOffset(valid));
            boolean fires1 = cron.matches(local) && firstOccurrence;
            ZoneOffsetTransition transition = rules.nextTransition(t.minusNanos(1));
            boolean gapEnd = transition != null && transition.getInstant().equals(t) && transition.isGap()
                    && anyMatch(cron, transition.getDateTimeBefore(), transition.getDateTimeAfter());
            if (fires1 || gapEnd) {
                fires.add(t);
            }
        }
        return fires;
    }

    private static ZoneOffset maxOffset(List<ZoneOffset> offsets) {
        // the larger offset gives the earlier instant for the same local time
        return offsets.stream().max((a, b) -> Integer.compare(a.getTotalSeconds(), b.getTotalSeconds()))
                .orElseThrow();
    }

    private static boolean anyMatch(CronExpression cron, LocalDateTime fromInclusive, LocalDateTime toExclusive) {
        for (LocalDateTime l = fromInclusive; l.isBefore(toExclusive); l = l.plus(1, ChronoUnit.MINUTES)) {
            if (cron.matches(l)) {
                return true;
            }
        }
        return false;
    }
}
