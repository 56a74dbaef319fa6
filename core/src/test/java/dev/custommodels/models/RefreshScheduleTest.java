package dev.custommodels.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void fixedIntervalStartsOneIntervalAfterTheStartByDefault() {
        RefreshSchedule schedule = RefreshSchedule.fixedInterval(Duration.ofHours(6));
        assertThat(schedule.getKind()).isEqualTo(RefreshSchedule.Kind.FIXED_INTERVAL);
        assertThat(schedule.getInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.getInitialDelay()).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.getCronExpression()).isNull();
        assertThat(schedule.getZone()).isNull();
        assertThat(RefreshSchedule.fixedInterval(Duration.ofHours(6), Duration.ZERO).getInitialDelay())
                .isZero();
    }

    @Test
    void fixedIntervalRejectsNonPositiveIntervalsAndNegativeDelays() {
        assertThatThrownBy(() -> RefreshSchedule.fixedInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive")
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> RefreshSchedule.fixedInterval(Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-5M");
        assertThatThrownBy(() -> RefreshSchedule.fixedInterval(Duration.ofMinutes(5), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial delay must not be "
                        + "negative");
        assertThatThrownBy(() -> RefreshSchedule.fixedInterval(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void cronKeepsTheTrimmedExpressionAndTheZone() {
        RefreshSchedule schedule = RefreshSchedule.cron(" 0 2 * * MON-FRI ", BERLIN);
        assertThat(schedule.getKind()).isEqualTo(RefreshSchedule.Kind.CRON);
        assertThat(schedule.getCronExpression()).isEqualTo("0 2 * * MON-FRI");
        assertThat(schedule.getZone()).isEqualTo(BERLIN);
        assertThat(schedule.getInterval()).isNull();
        assertThat(schedule.toString()).isEqualTo("RefreshSchedule{cron='0 2 * * MON-FRI', zone=Europe/Berlin}");
    }

    @Test
    void cronRejectsABadFieldNamingItAndWhatItAllows() {
        assertThatThrownBy(() -> RefreshSchedule.cron("0 25 * * *", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cron expression '0 25 * * *': hour field '25': the value 25 is out of range; allowed: "
                        + "0-23, with *, lists (a,b), ranges (a-b) and steps (*/n, a-b/n, a/n).");
        assertThatThrownBy(() -> RefreshSchedule.cron("0 0 30 2 *", BERLIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never fires");
        assertThatThrownBy(() -> RefreshSchedule.cron("@daily", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalSchedulesAreEqual() {
        assertThat(RefreshSchedule.cron("@daily", BERLIN)).isEqualTo(RefreshSchedule.cron("@daily", BERLIN))
                .hasSameHashCodeAs(RefreshSchedule.cron("@daily", BERLIN))
                .isNotEqualTo(RefreshSchedule.cron("@daily", ZoneId.of("UTC")));
        assertThat(RefreshSchedule.fixedInterval(Duration.ofHours(1)))
                .isEqualTo(RefreshSchedule.fixedInterval(Duration.ofHours(1), Duration.ofHours(1)))
                .isNotEqualTo(RefreshSchedule.fixedInterval(Duration.ofHours(1), Duration.ZERO));
    }

    @Test
    void optionsDefaultToOneAtATimeAndGoingOnAfterFailures() {
        RefreshOptions options = new RefreshOptions();
        assertThat(options.getMaxParallelism()).isEqualTo(1);
        assertThat(options.isContinueAfterFailure()).isTrue();
        RefreshOptions changed = options.withMaxParallelism(4).withContinueAfterFailure(false);
        assertThat(changed.getMaxParallelism()).isEqualTo(4);
        assertThat(changed.isContinueAfterFailure()).isFalse();
        assertThat(options.getMaxParallelism()).isEqualTo(1);
        assertThatThrownBy(() -> options.withMaxParallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxParallelism must be from 1 to 64; got 0.");
        assertThatThrownBy(() -> options.withMaxParallelism(65)).isInstanceOf(IllegalArgumentException.class);
    }
}
