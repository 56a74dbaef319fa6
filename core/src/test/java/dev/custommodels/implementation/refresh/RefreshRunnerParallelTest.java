package dev.custommodels.implementation.refresh;

import static dev.custommodels.implementation.refresh.RefreshPlannerTest.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.WorkflowRefreshStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parallel refreshes: independent workflows together, dependents only after their upstream, a bound respected. */
class RefreshRunnerParallelTest {
    private static final long TIMEOUT_SECONDS = 20;
    private final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
    private final FakeWorkflowRunner workflows = new FakeWorkflowRunner(clock, Duration.ZERO);
    private final RefreshRunner runner = new RefreshRunner(workflows, clock);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    private RefreshResult refresh(int parallelism, WorkflowNode... nodes) {
        return runner.run(RefreshPlanner.plan(List.of(nodes)), new RefreshOptions().withMaxParallelism(parallelism),
                RefreshTrigger.MANUAL);
    }

    private static RunOutcome await(CyclicBarrier barrier, String id) {
        try {
            barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return RunOutcome.succeeded("run-" + id);
        } catch (Exception e) {
            return RunOutcome.failed(null, "did not run alongside another workflow: " + e);
        }
    }

    @Test
    void independentWorkflowsRunTogetherAndTheirJoinRunsAfterBoth() {
        CyclicBarrier both = new CyclicBarrier(2);
        Set<String> finished = ConcurrentHashMap.newKeySet();
        workflows.on("left", t -> {
            RunOutcome o = await(both, "left");
            finished.add("left");
            return o;
        });
        workflows.on("right", t -> {
            RunOutcome o = await(both, "right");
            finished.add("right");
            return o;
        });
        workflows.on("join", t -> finished.containsAll(Set.of("left", "right"))
                ? RunOutcome.succeeded("run-join") : RunOutcome.failed(null, "started before its upstream ended"));
        RefreshResult result = refresh(2, node("left", "L", "Customer"), node("right", "R", "Customer"),
                node("join", "J", "L", "R"));
        assertThat(result.workflows()).allSatisfy(w -> assertThat(w.status())
                .as(w.workflowId() + ": " + w.message()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED));
    }

    @Test
    void noMoreThanMaxParallelismWorkflowsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            workflows.on(id, t -> {
                highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                RunOutcome o = await(pairs, id);
                running.decrementAndGet();
                return o;
            });
        }
        RefreshResult result = refresh(2, node("a", "A"), node("b", "B"), node("c", "C"), node("d", "D"),
                node("e", "E"), node("f", "F"));
        assertThat(result.isSuccessful()).as(result.toString()).isTrue();
        assertThat(highest.get()).isEqualTo(2);
    }

    @Test
    void aFailureSkipsOnlyItsDependentsWhenRunningInParallel() {
        workflows.failing("a", "boom");
        RefreshResult result = refresh(3, node("a", "A"), node("b", "B", "A"), node("c", "C"), node("d", "D", "C"));
        assertThat(result.workflow("b").orElseThrow().status()).isEqualTo(WorkflowRefreshStatus.SKIPPED);
        assertThat(result.workflow("c").orElseThrow().status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
        assertThat(result.workflow("d").orElseThrow().status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
        assertThat(workflows.calls()).containsExactlyInAnyOrder("a", "c", "d");
    }

    @Test
    void anErrorInAWorkerIsAFailureAndDoesNotHangTheRefresh() throws Exception {
        workflows.on("a", t -> {
            throw new AssertionError("out of something");
        });
        Future<RefreshResult> future = caller.submit(() -> refresh(2, node("a", "A"), node("b", "B")));
        RefreshResult result = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(result.workflow("a").orElseThrow().message())
                .isEqualTo("The workflow's run ended with java.lang.AssertionError: out of something");
        assertThat(result.workflow("b").orElseThrow().status()).isEqualTo(WorkflowRefreshStatus.SUCCEEDED);
    }

    @Test
    void interruptingTheCallerReportsRunningWorkflowsFailedAndTheRestSkipped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        workflows.on("slow", t -> {
            started.countDown();
            try {
                never.await();
                return RunOutcome.succeeded("run-slow");
            } catch (InterruptedException e) {
                return RunOutcome.failed(null, "interrupted");
            }
        });
        Future<RefreshResult> future = caller.submit(() -> refresh(2, node("slow", "S"), node("after", "X", "S")));
        assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        caller.shutdownNow(); // interrupts the refreshing thread
        RefreshResult result = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(result.workflow("slow").orElseThrow().message()).isEqualTo("The refresh was interrupted while "
                + "this workflow was running; its run may still be going on or may be resumed.");
        assertThat(result.workflow("after").orElseThrow().message())
                .isEqualTo("Skipped because the refresh was interrupted before this workflow started.");
    }
}
