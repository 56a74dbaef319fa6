package dev.custommodels.implementation.refresh;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.RefreshListener;
import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshSchedule;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.ScheduledRefresh;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Refreshes for one client: {@link #refresh} runs every workflow now, {@link #schedule} starts refreshes on a
 * schedule. Both share one {@link RefreshGate}, so a client never runs two refreshes at once. Thread-safe.
 *
 * <p>The client supplies two things: the current workflows as {@link WorkflowNode}s (read again for every
 * refresh, so a workflow created or changed since the schedule started is included), and a
 * {@link WorkflowRunner} that runs one workflow to its end.
 */
public final class RefreshService {
    private static final ClientLogger LOGGER = new ClientLogger(RefreshService.class);

    private final Supplier<List<WorkflowNode>> workflows;
    private final RefreshRunner runner;
    private final Clock clock;
    private final RefreshGate gate = new RefreshGate();

    /**
     * Creates the service.
     *
     * @param workflows lists the workflows to refresh, in a stable order (such as by id)
     * @param runner runs one workflow to its end
     * @param clock the clock for timestamps and due times
     */
    public RefreshService(Supplier<List<WorkflowNode>> workflows, WorkflowRunner runner, Clock clock) {
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = new RefreshRunner(Objects.requireNonNull(runner, "runner"), clock);
    }

    /**
     * Runs every workflow now, in dependency order, on the calling thread (and a pool if parallelism is above 1).
     *
     * @param options parallelism and failure handling
     * @return what each workflow did
     * @throws IllegalStateException if a refresh of this client is already running, naming it
     */
    public RefreshResult refresh(RefreshOptions options) {
        return refresh(options, null);
    }

    /**
     * Runs every workflow now, like {@link #refresh(RefreshOptions)}, telling a listener as each workflow ends.
     *
     * @param options parallelism and failure handling
     * @param listener told through {@link RefreshListener#onWorkflowCompleted} as each workflow ends, on the
     *     calling thread; may be {@code null}
     * @return what each workflow did
     * @throws IllegalStateException if a refresh of this client is already running, naming it
     */
    public RefreshResult refresh(RefreshOptions options, RefreshListener listener) {
        Objects.requireNonNull(options, "options");
        if (!gate.tryEnter(RefreshTrigger.MANUAL, clock.instant())) {
            throw LOGGER.logExceptionAsWarning(new IllegalStateException("Cannot start a refresh: "
                    + gate.describeHolder().orElse("another refresh is running")
                    + ". Wait for it to end, then call refresh() again."));
        }
        try {
            return runOnce(options, RefreshTrigger.MANUAL, listener);
        } finally {
            gate.exit();
        }
    }

    /**
     * Starts refreshes on a schedule, on a daemon thread of their own.
     *
     * @param schedule when refreshes are due
     * @param options parallelism and failure handling for each refresh
     * @param listener hears each outcome; may be {@code null}
     * @return the running schedule; close it to stop
     */
    public ScheduledRefresh schedule(RefreshSchedule schedule, RefreshOptions options, RefreshListener listener) {
        return schedule(schedule, options, listener, RefreshTimer.ownThread("custom-models-refresh-schedule"));
    }

    /**
     * Starts refreshes on a schedule, with waits run by a given timer (its thread runs the refreshes).
     *
     * @param schedule when refreshes are due
     * @param options parallelism and failure handling for each refresh
     * @param listener hears each outcome; may be {@code null}
     * @param timer runs the waits
     * @return the running schedule; close it to stop
     */
    public ScheduledRefresh schedule(RefreshSchedule schedule, RefreshOptions options, RefreshListener listener,
            RefreshTimer timer) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(options, "options");
        return new RefreshScheduler(schedule, clock, timer, gate, () -> runOnce(options, RefreshTrigger.SCHEDULE,
                listener), listener).start();
    }

    private RefreshResult runOnce(RefreshOptions options, RefreshTrigger trigger, RefreshListener listener) {
        List<WorkflowNode> nodes = Objects.requireNonNull(workflows.get(), "The workflow supplier returned null.");
        return runner.run(RefreshPlanner.plan(nodes), options, trigger,
                listener == null ? null : listener::onWorkflowCompleted);
    }
}
