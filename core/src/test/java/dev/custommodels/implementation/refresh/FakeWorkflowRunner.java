package dev.custommodels.implementation.refresh;

import dev.custommodels.models.RefreshTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link WorkflowRunner} whose runs succeed with run id {@code run-<workflowId>} unless a behaviour says
 * otherwise; each run moves the clock on by a set duration. Records every call. Thread-safe.
 */
final class FakeWorkflowRunner implements WorkflowRunner {
    private final MutableClock clock;
    private final Duration runTime;
    private final Map<String, Function<RefreshTrigger, RunOutcome>> behaviours = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<RefreshTrigger> triggers = new CopyOnWriteArrayList<>();

    FakeWorkflowRunner(MutableClock clock, Duration runTime) {
        this.clock = clock;
        this.runTime = runTime;
    }

    FakeWorkflowRunner on(String workflowId, Function<RefreshTrigger, RunOutcome> behaviour) {
        behaviours.put(workflowId, behaviour);
        return this;
    }

    FakeWorkflowRunner failing(String workflowId, String message) {
        return on(workflowId, t -> RunOutcome.failed("run-" + workflowId, message));
    }

    @Override
    public RunOutcome run(String workflowId, RefreshTrigger trigger) {
        calls.add(workflowId);
        triggers.add(trigger);
        clock.advance(runTime);
        Function<RefreshTrigger, RunOutcome> behaviour = behaviours.get(workflowId);
        return behaviour == null ? RunOutcome.succeeded("run-" + workflowId) : behaviour.apply(trigger);
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    List<RefreshTrigger> triggers() {
        return List.copyOf(triggers);
    }
}
