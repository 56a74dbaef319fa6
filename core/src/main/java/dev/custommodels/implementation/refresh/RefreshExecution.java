package dev.custommodels.implementation.refresh;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.implementation.refresh.RefreshPlan.Step;
import dev.custommodels.implementation.refresh.RefreshPlan.Upstream;
import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.WorkflowRefreshResult;
import dev.custommodels.models.WorkflowRefreshStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The state of one refresh while {@link RefreshRunner} executes it. The coordinating thread (the caller) decides
 * what runs, skips or fails; workers only run workflows and hand their results back through a queue. Not
 * thread-safe beyond that hand-over; used once.
 */
final class RefreshExecution {
    private static final ClientLogger LOGGER = new ClientLogger(RefreshExecution.class);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final RefreshRunner owner;
    private final RefreshPlan plan;
    private final RefreshOptions options;
    private final RefreshTrigger trigger;
    private final Consumer<WorkflowRefreshResult> onWorkflowDone;
    private final List<Step> pending;
    private final Map<String, WorkflowRefreshResult> done = new HashMap<>();
    private final Map<String, Set<String>> failureRoots = new HashMap<>();
    private final Map<String, Step> inFlight = new LinkedHashMap<>();
    private final BlockingQueue<WorkflowRefreshResult> completions = new LinkedBlockingQueue<>();
    private ExecutorService pool;
    private String stopReason;

    RefreshExecution(RefreshRunner owner, RefreshPlan plan, RefreshOptions options, RefreshTrigger trigger,
            Consumer<WorkflowRefreshResult> onWorkflowDone) {
        this.owner = owner;
        this.onWorkflowDone = onWorkflowDone;
        this.plan = plan;
        this.options = options;
        this.trigger = trigger;
        this.pending = new ArrayList<>(plan.steps());
    }

    List<WorkflowRefreshResult> run() {
        int total = plan.steps().size();
        if (options.getMaxParallelism() > 1 && total > 1) {
            pool = Executors.newFixedThreadPool(Math.min(options.getMaxParallelism(), total), daemonThreads());
        }
        try {
            while (done.size() < total) {
                dispatch();
                if (done.size() == total) {
                    break;
                }
                if (inFlight.isEmpty()) {
                    throw new IllegalStateException("Refresh plan could not progress; pending: " + pending);
                }
                complete(takeCompletion());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandonAfterInterrupt();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return plan.steps().stream().map(s -> done.get(s.node().id())).toList();
    }

    /** Settles every pending step that can be settled now, and starts those that may run. */
    private void dispatch() {
        for (Iterator<Step> it = pending.iterator(); it.hasNext();) {
            Step step = it.next();
            WorkflowRefreshResult settled = settleWithoutRunning(step);
            if (settled != null) {
                it.remove();
                record(settled);
                continue;
            }
            if (!upstreamDone(step) || inFlight.size() >= options.getMaxParallelism()) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                stopReason = "Skipped because the refresh was interrupted before this workflow started.";
                it.remove();
                record(RefreshRunner.notRun(step, WorkflowRefreshStatus.SKIPPED, stopReason));
                continue;
            }
            it.remove();
            start(step);
        }
    }

    /**
     * Returns the result of a step that must not run (blocked, failed upstream, stopped), or null. A step waits
     * for all its upstream workflows before it is skipped for their failure, so its message names every one.
     */
    private WorkflowRefreshResult settleWithoutRunning(Step step) {
        if (step.blockedReason() != null) {
            return RefreshRunner.notRun(step, WorkflowRefreshStatus.FAILED, step.blockedReason());
        }
        if (!upstreamDone(step)) {
            return stopReason == null ? null : RefreshRunner.notRun(step, WorkflowRefreshStatus.SKIPPED, stopReason);
        }
        List<Upstream> failed = new ArrayList<>();
        Set<String> roots = new LinkedHashSet<>();
        for (Upstream link : step.upstream()) {
            if (done.get(link.workflow().id()).status() != WorkflowRefreshStatus.SUCCEEDED) {
                failed.add(link);
                roots.addAll(failureRoots.getOrDefault(link.workflow().id(), Set.of()));
            }
        }
        if (!failed.isEmpty()) {
            failureRoots.put(step.node().id(), roots);
            return RefreshRunner.notRun(step, WorkflowRefreshStatus.SKIPPED,
                    RefreshRunner.skipMessage(failed, id -> done.get(id).status(), roots));
        }
        if (stopReason != null) {
            return RefreshRunner.notRun(step, WorkflowRefreshStatus.SKIPPED, stopReason);
        }
        return null;
    }

    private boolean upstreamDone(Step step) {
        return step.upstream().stream().allMatch(link -> done.containsKey(link.workflow().id()));
    }

    private void start(Step step) {
        inFlight.put(step.node().id(), step);
        if (pool == null) {
            completions.add(owner.execute(step, trigger));
            return;
        }
        pool.execute(() -> {
            WorkflowRefreshResult result;
            try {
                result = owner.execute(step, trigger);
            } catch (Throwable t) { // an Error must not leave the coordinator waiting forever
                LOGGER.logThrowableAsError(t);
                result = RefreshRunner.notRun(step, WorkflowRefreshStatus.FAILED,
                        "The workflow's run ended with " + t);
            }
            completions.add(result);
        });
    }

    private WorkflowRefreshResult takeCompletion() throws InterruptedException {
        return completions.take();
    }

    private void complete(WorkflowRefreshResult result) {
        Step step = inFlight.remove(result.workflowId());
        record(result);
        if (result.status() == WorkflowRefreshStatus.FAILED && !options.isContinueAfterFailure()
                && stopReason == null) {
            stopReason = "Skipped because the refresh stopped after workflow " + step.node().label()
                    + " failed (continue-after-failure is off).";
        }
    }

    private void record(WorkflowRefreshResult result) {
        done.put(result.workflowId(), result);
        try {
            onWorkflowDone.accept(result);
        } catch (RuntimeException e) {
            LOGGER.warning("A refresh listener threw; the refresh goes on: {}", e.toString());
        }
        if (result.status() == WorkflowRefreshStatus.FAILED) {
            Step step = plan.steps().stream().filter(s -> s.node().id().equals(result.workflowId())).findFirst()
                    .orElseThrow();
            failureRoots.put(result.workflowId(), Set.of(step.node().label()));
        }
    }

    /** After an interrupt: workflows still running are reported failed, the rest skipped. */
    private void abandonAfterInterrupt() {
        LOGGER.warning("Refresh interrupted with {} workflows running and {} not started.", inFlight.size(),
                pending.size());
        for (Step step : inFlight.values()) {
            done.put(step.node().id(), RefreshRunner.notRun(step, WorkflowRefreshStatus.FAILED,
                    "The refresh was interrupted while this workflow was running; its run may still be going on "
                            + "or may be resumed."));
        }
        for (Step step : pending) {
            done.putIfAbsent(step.node().id(), RefreshRunner.notRun(step, WorkflowRefreshStatus.SKIPPED,
                    "Skipped because the refresh was interrupted before this workflow started."));
        }
    }

    private static ThreadFactory daemonThreads() {
        int number = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "custom-models-refresh-" + number + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
