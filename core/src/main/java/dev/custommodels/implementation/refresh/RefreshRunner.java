package dev.custommodels.implementation.refresh;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.implementation.refresh.RefreshPlan.Step;
import dev.custommodels.implementation.refresh.RefreshPlan.Upstream;
import dev.custommodels.models.RefreshOptions;
import dev.custommodels.models.RefreshResult;
import dev.custommodels.models.RefreshTrigger;
import dev.custommodels.models.WorkflowRefreshResult;
import dev.custommodels.models.WorkflowRefreshStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Executes a {@link RefreshPlan}: runs each workflow through a {@link WorkflowRunner} once every workflow that
 * writes one of its input entities has succeeded, up to {@link RefreshOptions#getMaxParallelism()} at a time.
 *
 * <p>A workflow whose upstream failed or was skipped is skipped, with a message naming the upstream workflow, the
 * entity that links them and where the failure started; workflows that do not depend on it go on, unless
 * {@link RefreshOptions#isContinueAfterFailure()} is off, in which case every workflow not yet started is skipped
 * after the first failure. A workflow on a dependency cycle fails without running. Thread-safe: each call runs
 * its own refresh.
 */
public final class RefreshRunner {
    private static final ClientLogger LOGGER = new ClientLogger(RefreshRunner.class);

    private final WorkflowRunner runner;
    private final Clock clock;

    /**
     * Creates the runner.
     *
     * @param runner runs one workflow
     * @param clock gives the timestamps of the result
     */
    public RefreshRunner(WorkflowRunner runner, Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs a plan to its end. With a parallelism of 1 every workflow runs on the calling thread; otherwise on
     * threads of a pool that lives as long as the call.
     *
     * @param plan the plan
     * @param options parallelism and failure handling
     * @param trigger what started the refresh, passed on to each run
     * @return every workflow's status, in planned order
     */
    public RefreshResult run(RefreshPlan plan, RefreshOptions options, RefreshTrigger trigger) {
        return run(plan, options, trigger, null);
    }

    /**
     * Runs a plan to its end, telling {@code onWorkflowDone} as each workflow succeeds, fails or is skipped.
     *
     * @param plan the plan
     * @param options parallelism and failure handling
     * @param trigger what started the refresh, passed on to each run
     * @param onWorkflowDone called on the calling thread, once per workflow, as soon as its status is known; may
     *     be {@code null}; what it throws is logged and ignored
     * @return every workflow's status, in planned order
     */
    public RefreshResult run(RefreshPlan plan, RefreshOptions options, RefreshTrigger trigger,
            Consumer<WorkflowRefreshResult> onWorkflowDone) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(trigger, "trigger");
        OffsetDateTime startedAt = now();
        plan.warnings().forEach(w -> LOGGER.warning("{}", w));
        LOGGER.info("Refresh ({}) of {} workflows started.", trigger, plan.steps().size());
        List<WorkflowRefreshResult> results = new RefreshExecution(this, plan, options, trigger,
                onWorkflowDone == null ? r -> { } : onWorkflowDone).run();
        RefreshResult result = new RefreshResult(trigger, startedAt, now(), results, plan.warnings());
        LOGGER.info("Refresh ({}) ended: {} succeeded, {} failed, {} skipped.", trigger,
                result.withStatus(WorkflowRefreshStatus.SUCCEEDED).size(),
                result.withStatus(WorkflowRefreshStatus.FAILED).size(),
                result.withStatus(WorkflowRefreshStatus.SKIPPED).size());
        return result;
    }

    /**
     * Runs one workflow and turns its outcome, or the exception it threw, into a result.
     *
     * @param step the workflow
     * @param trigger the trigger
     * @return the result
     */
    WorkflowRefreshResult execute(Step step, RefreshTrigger trigger) {
        WorkflowNode node = step.node();
        OffsetDateTime startedAt = now();
        LOGGER.info("Refresh: running workflow {}.", node.label());
        RunOutcome outcome;
        try {
            outcome = runner.run(node.id(), trigger);
            if (outcome == null) {
                outcome = RunOutcome.failed(null, "The workflow runner returned no outcome.");
            }
        } catch (RuntimeException e) {
            outcome = RunOutcome.failed(null, e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getName() : e.getMessage());
        }
        if (!outcome.succeeded()) {
            LOGGER.warning("Refresh: workflow {} failed{}: {}", node.label(),
                    outcome.runId() == null ? "" : " in run " + outcome.runId(), outcome.message());
        }
        return new WorkflowRefreshResult(node.id(), node.displayName(),
                outcome.succeeded() ? WorkflowRefreshStatus.SUCCEEDED : WorkflowRefreshStatus.FAILED,
                outcome.runId(), outcome.succeeded() ? null : outcome.message(), step.dependsOn(), startedAt, now());
    }

    /**
     * Builds the result of a workflow that did not run.
     *
     * @param step the workflow
     * @param status failed or skipped
     * @param message why
     * @return the result
     */
    static WorkflowRefreshResult notRun(Step step, WorkflowRefreshStatus status, String message) {
        return new WorkflowRefreshResult(step.node().id(), step.node().displayName(), status, null, message,
                step.dependsOn(), null, null);
    }

    /**
     * Explains why a workflow is skipped because upstream workflows did not succeed.
     *
     * @param failedUpstream the upstream links whose workflow did not succeed
     * @param statusOf the status of each upstream workflow, by id
     * @param roots the workflows where the failure started
     * @return the message
     */
    static String skipMessage(List<Upstream> failedUpstream, Function<String, WorkflowRefreshStatus> statusOf,
            Set<String> roots) {
        StringBuilder message = new StringBuilder("Skipped because ");
        Set<String> named = new LinkedHashSet<>();
        boolean anySkipped = false;
        for (Upstream link : failedUpstream) {
            if (!named.add(link.workflow().id())) {
                continue;
            }
            boolean skipped = statusOf.apply(link.workflow().id()) == WorkflowRefreshStatus.SKIPPED;
            anySkipped |= skipped;
            message.append(named.size() == 1 ? "" : "; and ").append("upstream workflow ")
                    .append(link.workflow().label()).append(", which writes its input entity '")
                    .append(link.entity()).append("', ").append(skipped ? "was skipped" : "failed");
        }
        if (anySkipped && !roots.isEmpty()) {
            message.append(". The failure started at ").append(String.join(", ", roots));
        }
        return message.append('.').toString();
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
