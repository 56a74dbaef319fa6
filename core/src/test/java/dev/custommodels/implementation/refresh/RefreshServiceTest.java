package dev.custommodels.implementation.refresh;

import static dev.custommodels.implementation.refresh.RefreshPlannerTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.RefreshListener;
import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshSchedule;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.ScheduledRefresh;
import dev.custommodels.models.WorkflowRefreshResult;
import dev.custommodels.models.WorkflowRefreshStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshServiceTest {
    private final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
    private final List<WorkflowNode> nodes = new CopyOnWriteArrayList<>(List.of(
            node("scores", "Scores", "Customer"), node("segments", "Segments", "Scores")));

    @Test
    void aManualRefreshRunsEveryWorkflowInDependencyOrder() {
        FakeWorkflowRunner runner = new FakeWorkflowRunner(clock, Duration.ofMinutes(1));
        RefreshService service = new RefreshService(() -> nodes, runner, clock);
        RefreshResult result = service.refresh(new RefreshOptions());
        assertThat(result.trigger()).isEqualTo(RefreshTrigger.MANUAL);
        assertThat(runner.calls()).containsExactly("scores", "segments");
        assertThat(runner.triggers()).containsOnly(RefreshTrigger.MANUAL);
        assertThat(result.isSuccessful()).isTrue();
    }

    @Test
    void aListenerHearsEachWorkflowAsItEndsAndCannotBreakTheRefresh() {
        FakeWorkflowRunner runner = new FakeWorkflowRunner(clock, Duration.ZERO).failing("scores", "boom");
        nodes.add(node("other", "Other", "Contact"));
        RefreshService service = new RefreshService(() -> nodes, runner, clock);
        RecordingListener listener = new RecordingListener();
        service.refresh(new RefreshOptions(), listener);
        assertThat(listener.workflowEvents()).containsExactly("scores FAILED", "segments SKIPPED", "other SUCCEEDED");
        RefreshResult result = service.refresh(new RefreshOptions(), new RefreshListener() {
            @Override
            public void onWorkflowCompleted(WorkflowRefreshResult workflow) {
                throw new IllegalStateException("listener bug");
            }
        });
        assertThat(result.workflows()).hasSize(3);
        assertThat(runner.calls()).containsExactly("scores", "other", "scores", "other");
    }

    @Test
    void everyScheduledRefreshReadsTheWorkflowsAgain() {
        FakeWorkflowRunner runner = new FakeWorkflowRunner(clock, Duration.ZERO);
        RefreshService service = new RefreshService(() -> nodes, runner, clock);
        ManualTimer timer = new ManualTimer(clock);
        RecordingListener listener = new RecordingListener();
        service.schedule(RefreshSchedule.fixedInterval(Duration.ofHours(1)), new RefreshOptions(), listener, timer);
        timer.advance(Duration.ofHours(1));
        nodes.add(node("late", "Late", "Segments"));
        timer.advance(Duration.ofHours(1));
        assertThat(runner.calls()).containsExactly("scores", "segments", "scores", "segments", "late");
        assertThat(runner.triggers()).containsOnly(RefreshTrigger.SCHEDULE);
        assertThat(listener.results()).extracting(RefreshResult::trigger).containsOnly(RefreshTrigger.SCHEDULE);
        assertThat(listener.workflowEvents()).containsExactly("scores SUCCEEDED", "segments SUCCEEDED",
                "scores SUCCEEDED", "segments SUCCEEDED", "late SUCCEEDED");
    }

    @Test
    void aManualRefreshDuringAScheduledOneIsRefusedNamingIt() {
        RefreshService[] service = new RefreshService[1];
        List<String> refused = new CopyOnWriteArrayList<>();
        WorkflowRunner runner = (id, trigger) -> {
            try {
                service[0].refresh(new RefreshOptions());
            } catch (IllegalStateException e) {
                refused.add(e.getMessage());
            }
            return RunOutcome.succeeded("run-" + id);
        };
        service[0] = new RefreshService(() -> nodes.subList(0, 1), runner, clock);
        ManualTimer timer = new ManualTimer(clock);
        service[0].schedule(RefreshSchedule.fixedInterval(Duration.ofMinutes(30)), new RefreshOptions(), null, timer);
        timer.advance(Duration.ofMinutes(30));
        assertThat(refused).containsExactly("Cannot start a refresh: a SCHEDULE refresh started at "
                + "2024-05-01T10:30:00Z is still running. Wait for it to end, then call refresh() again.");
        assertThat(service[0].refresh(new RefreshOptions()).isSuccessful()).isTrue();
    }

    @Test
    void aFailingWorkflowListIsReportedToTheListener() {
        RefreshService service = new RefreshService(() -> {
            throw new IllegalStateException("Cannot list workflows: lake unreachable");
        }, (id, t) -> RunOutcome.succeeded("r"), clock);
        ManualTimer timer = new ManualTimer(clock);
        RecordingListener listener = new RecordingListener();
        service.schedule(RefreshSchedule.fixedInterval(Duration.ofHours(1)), new RefreshOptions(), listener, timer);
        timer.advance(Duration.ofHours(1));
        assertThat(listener.events()).containsExactly("started 2024-05-01T11:00Z",
                "failed 2024-05-01T11:00Z Cannot list workflows: lake unreachable");
        assertThatThrownBy(() -> service.refresh(new RefreshOptions())).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot list workflows: lake unreachable");
    }

    @Test
    void aScheduleOnItsOwnThreadRefreshesAndStops() throws InterruptedException {
        BlockingQueue<RefreshResult> results = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkflowRunner runner = (id, trigger) -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RunOutcome.succeeded("run-" + id);
        };
        RefreshService service = new RefreshService(() -> nodes, runner, Clock.systemUTC());
        ScheduledRefresh schedule = service.schedule(RefreshSchedule.fixedInterval(Duration.ofHours(1),
                Duration.ZERO), new RefreshOptions(), new RefreshListener() {
                    @Override
                    public void onRefreshCompleted(RefreshResult result) {
                        results.add(result);
                    }
                });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(schedule.isRefreshing()).isTrue();
        schedule.close(); // while the first refresh waits: it ends normally, and none follows
        assertThat(schedule.isStopped()).isTrue();
        release.countDown();
        RefreshResult first = results.poll(20, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.workflows()).extracting(w -> w.status()).containsOnly(WorkflowRefreshStatus.SUCCEEDED);
        assertThat(schedule.awaitTermination(Duration.ofSeconds(20))).isTrue();
        assertThat(schedule.getNextRefreshAt()).isEmpty();
        assertThat(results).isEmpty();
    }
}
