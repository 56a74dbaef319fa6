package dev.custommodels.models;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A run stopped before any data left because the model's contract or a bound entity's schema changed since the
 * workflow was saved, under the BLOCK drift policy. Lists each difference. Save the workflow again
 * ({@code updateWorkflow} re-reads the contract and schemas) to accept the changes, or run with
 * {@link DriftPolicy#WARN}.
 */
public final class DriftException extends RunFailedException {
    private static final long serialVersionUID = 1L;
    /** The error code of a drift failure. */
    public static final String CODE = "DriftDetected";
    private final transient List<DriftDifference> differences;

    /**
     * Creates the exception.
     *
     * @param runId the run
     * @param workflowId the workflow
     * @param connector the connector
     * @param differences every difference found
     */
    public DriftException(String runId, String workflowId, String connector, List<DriftDifference> differences) {
        super(message(workflowId, differences), runId, workflowId, connector, RunPhase.EXPORT, CODE,
                describe(differences));
        this.differences = List.copyOf(differences);
    }

    /**
     * Returns the differences.
     *
     * @return each difference, contract first, then entities
     */
    public List<DriftDifference> getDifferences() {
        return differences;
    }

    private static String message(String workflowId, List<DriftDifference> differences) {
        return "Workflow '" + workflowId + "' drifted since it was saved (" + differences.size()
                + (differences.size() == 1 ? " difference" : " differences") + "); nothing was sent. "
                + describe(differences) + ". Update the workflow (updateWorkflow reads the contract and the entity "
                + "schemas again) to accept the changes, or run with RunOptions.setDriftPolicy(DriftPolicy.WARN).";
    }

    private static String describe(List<DriftDifference> differences) {
        return differences.stream().map(DriftDifference::toString).collect(Collectors.joining("; "));
    }
}
