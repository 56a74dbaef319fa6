package dev.custommodels.implementation.refresh;

import dev.custommodels.models.RefreshTrigger;

/**
 * Runs one workflow to its end for a refresh; the client implements it with its single-run machinery (start a
 * run with the trigger, wait for its final result). Called from one thread per running workflow.
 */
@FunctionalInterface
public interface WorkflowRunner {
    /**
     * Runs a workflow and waits until its run has ended.
     *
     * @param workflowId the workflow
     * @param trigger what started the refresh, to record on the run
     * @return how the run ended; a thrown {@link RuntimeException} counts as a failure with its message
     */
    RunOutcome run(String workflowId, RefreshTrigger trigger);
}
