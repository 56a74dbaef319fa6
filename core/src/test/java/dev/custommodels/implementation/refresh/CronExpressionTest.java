package dev.custommodels.implementation.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static List<String> fireTimes(String expression, String after, int count) {
        CronExpression cron = CronExpression.parse(expression);
        ZonedDateTime t = ZonedDateTime.parse(after);
        List<String> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            t = cron.next(t);
            times.add(t.toOffsetDateTime().toString());
        }
        return times;
    }

    @Test
    void dailyAtTwoFiresStrictlyAfterTheGivenTime() {
        CronExpression cron = CronExpression.parse("0 2 * * *");
        assertThat(cron.next(ZonedDateTime.parse("2024-05-01T01:59:59.999Z[UTC]")))
                .isEqualTo(ZonedDateTime.parse("2024-05-01T02:00Z[UTC]"));
        assertThat(cron.next(ZonedDateTime.parse("2024-05-01T02:00Z[UTC]")))
                .isEqualTo(ZonedDateTime.parse("2024-05-02T02:00Z[UTC]"));
        assertThat(cron.next(ZonedDateTime.parse("2024-05-01T02:00:30Z[UTC]")))
                .isEqualTo(ZonedDateTime.parse("2024-05-02T02:00Z[UTC]"));
    }

    @Test
    void listsRangesStepsAndNamesCombine() {
        assertThat(fireTimes("*/20 9-10 * * MON-FRI", "2024-05-03T10:30Z[UTC]", 4)) // a Friday
                .containsExactly("2024-05-03T10:40Z", "2024-05-06T09:00Z", "2024-05-06T09:20Z", "2024-05-06T09:40Z");
        assertThat(fireTimes("5/20 * * * *", "2024-05-01T00:00Z[UTC]", 4))
                .containsExactly("2024-05-01T00:05Z", "2024-05-01T00:25Z", "2024-05-01T00:45Z", "2024-05-01T01:05Z");
        assertThat(fireTimes("0 12 1 jan,Jul *", "2024-02-01T00:00Z[UTC]", 2))
                .containsExactly("2024-07-01T12:00Z", "2025-01-01T12:00Z");
        assertThat(fireTimes("0 0 1 1-12/4 *", "2024-01-01T00:00Z[UTC]", 3))
                .containsExactly("2024-05-01T00:00Z", "2024-09-01T00:00Z", "2025-01-01T00:00Z");
        assertThat(fireTimes("0 8 * * TUE-THU/2", "2024-05-06T00:00Z[UTC]", 2)) // Tue and Thu
                .containsExactly("2024-05-07T08:00Z", "2024-05-09T08:00Z");
    }

    @Test
    void sundayIsZeroSevenOrSun() {
        List<String> expected = fireTimes("0 0 * * 0", "2024-05-01T00:00Z[UTC]", 3);
        assertThat(expected).containsExactly("2024-05-05T00:00Z", "2024-05-12T00:00Z", "2024-05-19T00:00Z");
        assertThat(fireTimes("0 0 * * 7", "2024-05-01T00:00Z[UTC]", 3)).isEqualTo(expected);
        assertThat(fireTimes("0 0 * * sun", "2024-05-01T00:00Z[UTC]", 3)).isEqualTo(expected);
        assertThat(fireTimes("0 0 * * 5-7", "2024-05-01T00:00Z[UTC]", 4))
                .containsExactly("2024-05-03T00:00Z", "2024-05-04T00:00Z", "2024-05-05T00:00Z", "2024-05-10T00:00Z");
    }

    @Test
    void bothDayFieldsRestrictedMatchEitherDay() {
        // the 13th of each month and every Friday
        assertThat(fireTimes("0 0 13 * FRI", "2024-09-01T00:00Z[UTC]", 5)).containsExactly(
                "2024-09-06T00:00Z", "2024-09-13T00:00Z", "2024-09-20T00:00Z", "2024-09-27T00:00Z",
                "2024-10-04T00:00Z");
        assertThat(fireTimes("0 0 1,15 * MON", "2024-04-28T00:00Z[UTC]", 4)).containsExactly(
                "2024-04-29T00:00Z", "2024-05-01T00:00Z", "2024-05-06T00:00Z", "2024-05-13T00:00Z");
    }

    @Test
    void aDayFieldStartingWithStarOrQuestionMarkIsUnrestrictedSoBothMustMatch() {
        // as crontab(5): */2 contains '*', so days must be odd AND Mondays
        assertThat(fireTimes("0 0 */2 * MON", "2024-04-30T00:00Z[UTC]", 3)).containsExactly(
                "2024-05-13T00:00Z", "2024-05-27T00:00Z", "2024-06-03T00:00Z");
        assertThat(fireTimes("0 0 ? * MON", "2024-04-30T00:00Z[UTC]", 2)).containsExactly(
                "2024-05-06T00:00Z", "2024-05-13T00:00Z");
        assertThat(fireTimes("0 0 10 * ?", "2024-04-30T00:00Z[UTC]", 2)).containsExactly(
                "2024-05-10T00:00Z", "2024-06-10T00:00Z");
    }

    @Test
    void macrosStandForTheirExpressions() {
        String from = "2024-05-15T10:30Z[UTC]";
        assertThat(fireTimes("@hourly", from, 1)).containsExactly("2024-05-15T11:00Z");
        assertThat(fireTimes("@daily", from, 1)).containsExactly("2024-05-16T00:00Z");
        assertThat(fireTimes("@midnight", from, 1)).containsExactly("2024-05-16T00:00Z");
        assertThat(fireTimes("@weekly", from, 1)).containsExactly("2024-05-19T00:00Z");
        assertThat(fireTimes("@monthly", from, 1)).containsExactly("2024-06-01T00:00Z");
        assertThat(fireTimes("@yearly", from, 1)).containsExactly("2025-01-01T00:00Z");
        assertThat(fireTimes(" @ANNUALLY ", from, 1)).containsExactly("2025-01-01T00:00Z");
    }

    @Test
    void february29thWaitsForLeapYearsAndSkips2100() {
        assertThat(fireTimes("0 0 29 2 *", "2023-03-01T00:00Z[UTC]", 3))
                .containsExactly("2024-02-29T00:00Z", "2028-02-29T00:00Z", "2032-02-29T00:00Z");
        assertThat(fireTimes("0 0 29 2 *", "2096-03-01T00:00Z[UTC]", 1)).containsExactly("2104-02-29T00:00Z");
        assertThat(fireTimes("0 0 28,29 2 *", "2100-02-27T00:00Z[UTC]", 2))
                .containsExactly("2100-02-28T00:00Z", "2101-02-28T00:00Z");
    }

    @Test
    void lastDaysOfMonthsSkipMonthsThatAreTooShort() {
        assertThat(fireTimes("0 0 31 * *", "2024-01-31T00:00Z[UTC]", 3))
                .containsExactly("2024-03-31T00:00Z", "2024-05-31T00:00Z", "2024-07-31T00:00Z");
        assertThat(fireTimes("0 0 30 * *", "2023-01-30T00:00Z[UTC]", 2))
                .containsExactly("2023-03-30T00:00Z", "2023-04-30T00:00Z");
        assertThat(fireTimes("59 23 31 12 *", "2024-12-31T23:59Z[UTC]", 1)).containsExactly("2025-12-31T23:59Z");
        assertThat(fireTimes("0 0 28-31 2 *", "2024-02-27T00:00Z[UTC]", 3))
                .containsExactly("2024-02-28T00:00Z", "2024-02-29T00:00Z", "2025-02-28T00:00Z");
    }

    @Test
    void theZoneOfTheGivenTimeIsTheZoneOfEvaluation() {
        CronExpression cron = CronExpression.parse("0 9 * * *");
        ZonedDateTime next = cron.next(ZonedDateTime.parse("2024-05-01T12:00Z").withZoneSameInstant(
                ZoneId.of("America/New_York")));
        assertThat(next.toString()).isEqualTo("2024-05-01T09:00-04:00[America/New_York]"); // 12:00Z is 08:00 EDT
        assertThat(cron.next(ZonedDateTime.parse("2024-05-01T12:00Z[UTC]")).toString())
                .isEqualTo("2024-05-02T09:00Z[UTC]");
    }

    @Test
    void matchesIgnoresSecondsAndChecksEveryField() {
        CronExpression cron = CronExpression.parse("15 10 * 5 WED");
        assertThat(cron.matches(LocalDateTime.parse("2024-05-01T10:15:42"))).isTrue();
        assertThat(cron.matches(LocalDateTime.parse("2024-05-02T10:15"))).isFalse();
        assertThat(cron.matches(LocalDateTime.parse("2024-05-01T10:16"))).isFalse();
        assertThat(cron.matches(LocalDateTime.parse("2024-05-01T11:15"))).isFalse();
        assertThat(cron.matches(LocalDateTime.parse("2024-06-05T10:15"))).isFalse();
    }

    @Test
    void extraWhitespaceIsAcceptedAndTrimmedInToString() {
        assertThat(CronExpression.parse("  0   2\t* *  * ").toString()).isEqualTo("0   2\t* *  *");
        assertThat(fireTimes("  0   2\t* *  * ", "2024-05-01T00:00Z[UTC]", 1)).containsExactly("2024-05-01T02:00Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "60 * * * *|minute field '60': the value 60 is out of range|0-59",
        "* 24 * * *|hour field '24': the value 24 is out of range|0-23",
        "* * 0 * *|day-of-month field '0': the value 0 is out of range|1-31 or ?",
        "* * 32 * *|day-of-month field '32'|1-31",
        "* * * 13 *|month field '13': the value 13 is out of range|1-12 or JAN-DEC",
        "* * * 0 *|month field '0'|1-12 or JAN-DEC",
        "* * * * 8|day-of-week field '8': the value 8 is out of range|0-7 (0 and 7 are Sunday), SUN-SAT or ?",
        "* * * FOO *|month field 'FOO': 'FOO' is not a month name|JAN-DEC",
        "* * * * FUNDAY|day-of-week field 'FUNDAY': 'FUNDAY' is not a day name|SUN-SAT",
        "* * * * 1-MONDAY|'MONDAY' is not a day name|SUN-SAT",
        "*/0 * * * *|minute field '*/0': the step must be at least 1|steps",
        "*/90 * * * *|the step 90 is larger than the field's range 0-59|fixed-interval schedule",
        "5-1 * * * *|minute field '5-1': the range 5-1 goes backwards|0-59",
        "* * * * FRI-MON|the range FRI-MON goes backwards|SUN-SAT",
        "? * * * *|minute field '?': '?' is allowed only in day-of-month and day-of-week|0-59",
        "* * ?,1 * *|'?' must stand alone|1-31 or ?",
        "* * L * *|'L' is not a number (the Quartz extensions L, W and # are not supported)|1-31",
        "* * 15W * *|'15W' is not a number (the Quartz extensions|1-31",
        "* * * * 5#3|'5#3' is not a number or a name (the Quartz extensions|SUN-SAT",
        "1,,2 * * * *|minute field '1,,2': an empty list element|0-59",
        "1, * * * *|an empty list element|0-59",
        "1-2-3 * * * *|'1-2-3' is not a range like 1-5|0-59",
        "-5 * * * *|a range or step is missing a value|0-59",
        "1/2/3 * * * *|'1/2/3' has more than one '/'|0-59",
        "*/x * * * *|the step 'x' is not a whole number|0-59",
        "a * * * *|'a' is not a number|0-59",
        "99999 * * * *|the value 99999 is out of range|0-59",
    })
    void badFieldsAreRejectedNamingTheFieldTheProblemAndWhatIsAllowed(String expression, String problem,
            String allowed) {
        assertThatThrownBy(() -> CronExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cron expression '" + expression + "': ")
                .hasMessageContaining(problem)
                .hasMessageContaining("allowed: ")
                .hasMessageContaining(allowed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "* * * *|has 4 fields; expected 5 fields: minute hour day-of-month month day-of-week, such as '0 2 * * *'",
        "0 0 0 * * *|has 6 fields (Quartz-style seconds and year fields are not supported)",
        "0 0 0 * * ? 2025|has 7 fields (Quartz-style",
        "\"\"|has 0 fields",
        "\"   \"|has 0 fields",
        "@reboot|unknown macro '@reboot'; expected 5 fields",
        "0 0 30 2 *|never fires",
        "0 0 31 4,6,9,11 *|never fires",
        "0 0 30-31 FEB ?|never fires",
    })
    void wrongShapesAndImpossibleDatesAreRejected(String expression, String problem) {
        assertThatThrownBy(() -> CronExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cron expression '" + expression + "'")
                .hasMessageContaining(problem);
    }

    @Test
    void impossibleDayOfMonthIsAcceptedWhenTheDayOfWeekCanStillMatch() {
        // both restricted, so Mondays in February fire although February never has a 30th
        assertThat(fireTimes("0 0 30 2 MON", "2024-01-01T00:00Z[UTC]", 2))
                .containsExactly("2024-02-05T00:00Z", "2024-02-12T00:00Z");
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> CronExpression.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CronExpression.parse("* * * * *").next(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyMinuteAdvancesByOneMinuteInUtc() {
        CronExpression cron = CronExpression.parse("* * * * *");
        ZonedDateTime t = ZonedDateTime.of(2024, 12, 31, 23, 58, 0, 0, UTC);
        assertThat(cron.next(t)).isEqualTo(t.plusMinutes(1));
        assertThat(cron.next(t.plusMinutes(1))).isEqualTo(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, UTC));
    }
}
