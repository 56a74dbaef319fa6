package dev.custommodels.implementation.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.RefreshListener;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshSchedule;
import dev.custommodels.models.RefreshTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The scheduler on virtual time: a manual clock and a timer the test advances; no sleeping. */
class RefreshSchedulerTest {
    private final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
    private final ManualTimer timer = new ManualTimer(clock);
    private final RefreshGate gate = new RefreshGate();
    private final RecordingListener listener = new RecordingListener();
    private Duration refreshTime = Duration.ZERO;
    private final List<Instant> refreshStarts = new ArrayList<>();

    private final Supplier<RefreshResult> refresh = () -> {
        Instant start = clock.instant();
        refreshStarts.add(start);
        clock.advance(refreshTime);
        return new RefreshResult(RefreshTrigger.SCHEDULE, utc(start), utc(clock.instant()), List.of(), List.of());
    };

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private RefreshScheduler start(RefreshSchedule schedule) {
        return new RefreshScheduler(schedule, clock, timer, gate, refresh, listener).start();
    }

    @Test
    void aFixedIntervalRefreshesOnItsGridFromTheInitialDelay() {
        RefreshScheduler scheduler = start(RefreshSchedule.fixedInterval(Duration.ofHours(1), Duration.ofMinutes(5)));
        assertThat(scheduler.getNextRefreshAt()).contains(OffsetDateTime.parse("2024-05-01T10:05Z"));
        timer.advance(Duration.ofHours(3));
        assertThat(listener.starts()).containsExactly("2024-05-01T10:05Z", "2024-05-01T11:05Z", "2024-05-01T12:05Z");
        assertThat(refreshStarts).containsExactly(Instant.parse("2024-05-01T10:05:00Z"),
                Instant.parse("2024-05-01T11:05:00Z"), Instant.parse("2024-05-01T12:05:00Z"));
        assertThat(listener.results()).hasSize(3);
        assertThat(scheduler.getNextRefreshAt()).contains(OffsetDateTime.parse("2024-05-01T13:05Z"));
    }

    @Test
    void aZeroInitialDelayRefreshesAtOnce() {
        start(RefreshSchedule.fixedInterval(Duration.ofHours(1), Duration.ZERO));
        timer.advance(Duration.ZERO);
        assertThat(listener.starts()).containsExactly("2024-05-01T10:00Z");
    }

    @Test
    void dueTimesPassedDuringALongRefreshAreSkippedAndReportedOnce() {
        refreshTime = Duration.ofMinutes(25);
        start(RefreshSchedule.fixedInterval(Duration.ofMinutes(10)));
        timer.advance(Duration.ofMinutes(69));
        // 10:10-10:35 runs; 10:20 and 10:30 skipped; 10:40-11:05 runs; 10:50 and 11:00 skipped; 11:10 starts
        assertThat(listener.events()).containsExactly(
                "started 2024-05-01T10:10Z", "completed 2024-05-01T10:10Z ok",
                "skipped 2 from 2024-05-01T10:20Z: the scheduled refresh due at 2024-05-01T10:10:00Z was still "
                        + "running (it ended at 2024-05-01T10:35:00Z)",
                "started 2024-05-01T10:40Z", "completed 2024-05-01T10:40Z ok",
                "skipped 2 from 2024-05-01T10:50Z: the scheduled refresh due at 2024-05-01T10:40:00Z was still "
                        + "running (it ended at 2024-05-01T11:05:00Z)");
        assertThat(refreshStarts).containsExactly(Instant.parse("2024-05-01T10:10:00Z"),
                Instant.parse("2024-05-01T10:40:00Z"));
        timer.advance(Duration.ofMinutes(1));
        assertThat(refreshStarts).last().isEqualTo(Instant.parse("2024-05-01T11:10:00Z"));
    }

    @Test
    void aRefreshEndingExactlyAtTheNextDueTimeSkipsNothing() {
        refreshTime = Duration.ofMinutes(10);
        start(RefreshSchedule.fixedInterval(Duration.ofMinutes(10)));
        timer.advance(Duration.ofMinutes(30));
        assertThat(listener.starts()).containsExactly("2024-05-01T10:10Z", "2024-05-01T10:20Z", "2024-05-01T10:30Z");
        assertThat(listener.events()).noneMatch(e -> e.startsWith("skipped"));
    }

    @Test
    void refreshesNeverOverlapAndHoldTheGateWhileRunning() {
        refreshTime = Duration.ofMinutes(7);
        List<String> inside = new ArrayList<>();
        Supplier<RefreshResult> checking = () -> {
            inside.add(gate.tryEnter(RefreshTrigger.MANUAL, clock.instant()) ? "gate free" : "gate held");
            return refresh.get();
        };
        new RefreshScheduler(RefreshSchedule.cron("*/5 * * * *", ZoneId.of("UTC")), clock, timer, gate, checking,
                listener).start();
        timer.advance(Duration.ofHours(2));
        // due at 10:00 (the start itself), 10:05, ...; each 7-minute refresh swallows the next due time
        assertThat(refreshStarts).hasSize(13).first().isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(inside).hasSize(13).containsOnly("gate held");
        for (int i = 1; i < refreshStarts.size(); i++) {
            assertThat(Duration.between(refreshStarts.get(i - 1), refreshStarts.get(i)))
                    .isEqualTo(Duration.ofMinutes(10));
        }
        assertThat(listener.events()).filteredOn(e -> e.startsWith("skipped")).hasSize(13)
                .allMatch(e -> e.startsWith("skipped 1 from "));
    }

    @Test
    void aDueTimeWhileAManualRefreshHoldsTheGateIsSkippedNamingIt() {
        start(RefreshSchedule.fixedInterval(Duration.ofMinutes(30)));
        assertThat(gate.tryEnter(RefreshTrigger.MANUAL, Instant.parse("2024-05-01T10:25:00Z"))).isTrue();
        timer.advance(Duration.ofMinutes(30));
        gate.exit();
        timer.advance(Duration.ofMinutes(30));
        assertThat(listener.events()).containsExactly(
                "skipped 1 from 2024-05-01T10:30Z: a MANUAL refresh started at 2024-05-01T10:25:00Z is still running",
                "started 2024-05-01T11:00Z", "completed 2024-05-01T11:00Z ok");
    }

    @Test
    void aCronScheduleFollowsBerlinWallClockAcrossTheSpringChange() {
        clock.set(Instant.parse("2024-03-29T12:00:00Z"));
        start(RefreshSchedule.cron("30 2 * * *", ZoneId.of("Europe/Berlin")));
        timer.advance(Duration.ofDays(3));
        assertThat(refreshStarts).containsExactly(
                Instant.parse("2024-03-30T01:30:00Z"), // 02:30+01:00
                Instant.parse("2024-03-31T01:00:00Z"), // 03:00+02:00, the end of the gap
                Instant.parse("2024-04-01T00:30:00Z")); // 02:30+02:00
    }

    @Test
    void aCronScheduleFiresOnceInTheRepeatedNewYorkHour() {
        clock.set(Instant.parse("2024-11-02T12:00:00Z"));
        start(RefreshSchedule.cron("30 1 * * *", ZoneId.of("America/New_York")));
        timer.advance(Duration.ofDays(2));
        assertThat(refreshStarts).containsExactly(Instant.parse("2024-11-03T05:30:00Z"), // 01:30-04:00
                Instant.parse("2024-11-04T06:30:00Z")); // 01:30-05:00
    }

    @Test
    void aTimerThatWakesLateRunsOneRefreshForTheLatestDueTime() {
        start(RefreshSchedule.fixedInterval(Duration.ofHours(1)));
        clock.set(Instant.parse("2024-05-01T14:20:00Z")); // the host was suspended
        timer.fireOverdue();
        assertThat(listener.events()).containsExactly(
                "skipped 3 from 2024-05-01T11:00Z: the timer fired late (at 2024-05-01T14:20:00Z), so one refresh "
                        + "runs for the latest due time 2024-05-01T14:00:00Z",
                "started 2024-05-01T14:00Z", "completed 2024-05-01T14:20Z ok");
        assertThat(refreshStarts).containsExactly(Instant.parse("2024-05-01T14:20:00Z"));
        assertThat(timer.pending()).isEqualTo(1);
    }

    @Test
    void aTimerThatWakesEarlyWaitsAgain() {
        RefreshScheduler scheduler = start(RefreshSchedule.fixedInterval(Duration.ofMinutes(10)));
        clock.set(Instant.parse("2024-05-01T09:00:00Z")); // the wall clock was set back
        timer.fireNextNow();
        assertThat(refreshStarts).isEmpty();
        assertThat(scheduler.getNextRefreshAt()).contains(OffsetDateTime.parse("2024-05-01T10:10Z"));
        timer.advanceTo(Instant.parse("2024-05-01T10:10:00Z"));
        assertThat(refreshStarts).containsExactly(Instant.parse("2024-05-01T10:10:00Z"));
    }

    @Test
    void longWaitsAreSplitSoAChangedWallClockIsNoticed() {
        start(RefreshSchedule.cron("0 0 1 * *", ZoneId.of("UTC")));
        assertThat(timer.pending()).isEqualTo(1);
        timer.advance(Duration.ofMinutes(15));
        assertThat(refreshStarts).isEmpty();
        assertThat(timer.pending()).isEqualTo(1); // waited 15 minutes, read the clock, waits again
        timer.advanceTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(refreshStarts).containsExactly(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void aFailingRefreshIsReportedAndTheScheduleGoesOn() {
        int[] calls = {0};
        Supplier<RefreshResult> flaky = () -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("lake unreachable");
            }
            return refresh.get();
        };
        new RefreshScheduler(RefreshSchedule.fixedInterval(Duration.ofHours(1)), clock, timer, gate, flaky, listener)
                .start();
        timer.advance(Duration.ofHours(2));
        assertThat(listener.events()).containsExactly("started 2024-05-01T11:00Z",
                "failed 2024-05-01T11:00Z lake unreachable", "started 2024-05-01T12:00Z",
                "completed 2024-05-01T12:00Z ok");
        assertThat(gate.describeHolder()).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotStopTheSchedule() {
        RefreshListener throwing = new RefreshListener() {
            @Override
            public void onRefreshCompleted(RefreshResult result) {
                throw new IllegalArgumentException("listener bug");
            }
        };
        new RefreshScheduler(RefreshSchedule.fixedInterval(Duration.ofHours(1)), clock, timer, gate, refresh,
                throwing).start();
        timer.advance(Duration.ofHours(3));
        assertThat(refreshStarts).hasSize(3);
    }

    @Test
    void closingDuringARefreshLetsItEndAndStartsNoOther() throws InterruptedException {
        RefreshScheduler[] self = new RefreshScheduler[1];
        List<String> seenInside = new ArrayList<>();
        Supplier<RefreshResult> closing = () -> {
            seenInside.add("refreshing=" + self[0].isRefreshing() + " next=" + self[0].getNextRefreshAt());
            self[0].close();
            return refresh.get();
        };
        self[0] = new RefreshScheduler(RefreshSchedule.fixedInterval(Duration.ofHours(1)), clock, timer, gate, closing,
                listener).start();
        timer.advance(Duration.ofHours(5));
        assertThat(seenInside).containsExactly("refreshing=true next=" + Optional.empty());
        assertThat(listener.events()).containsExactly("started 2024-05-01T11:00Z", "completed 2024-05-01T11:00Z ok");
        assertThat(self[0].isStopped()).isTrue();
        assertThat(self[0].isRefreshing()).isFalse();
        assertThat(self[0].getNextRefreshAt()).isEmpty();
        assertThat(self[0].awaitTermination(Duration.ZERO)).isTrue();
        assertThat(timer.isShutdown()).isTrue();
    }

    @Test
    void closingBeforeTheFirstRefreshCancelsItAndIsIdempotent() throws InterruptedException {
        RefreshScheduler scheduler = start(RefreshSchedule.fixedInterval(Duration.ofHours(1)));
        assertThat(scheduler.awaitTermination(Duration.ZERO)).isFalse();
        scheduler.close();
        scheduler.close();
        timer.advance(Duration.ofHours(3));
        assertThat(refreshStarts).isEmpty();
        assertThat(scheduler.awaitTermination(Duration.ZERO)).isTrue();
        assertThat(scheduler.getSchedule()).isEqualTo(RefreshSchedule.fixedInterval(Duration.ofHours(1)));
    }

    @Test
    void aSchedulerStartsOnlyOnce() {
        RefreshScheduler scheduler = start(RefreshSchedule.fixedInterval(Duration.ofHours(1)));
        assertThatThrownBy(scheduler::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("This refresh schedule was already started.");
    }
}
