package dev.custommodels.models;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The result of a successful run.
 *
 * @param runId the run
 * @param workflowId the workflow
 * @param counts the row counts
 * @param relation how the results relate to the customers
 * @param outputEntity the output entity written
 * @param outputGeneration the generation of the output entity's version this run committed
 * @param phases when each phase started and ended
 * @param startedAt when the run started
 * @param completedAt when it ended
 * @param warnings what the run noticed but did not stop for, such as drift under the WARN policy
 */
public record RunResult(String runId, String workflowId, RunCounts counts, RelationReport relation,
        String outputEntity, long outputGeneration, List<PhaseTiming> phases, OffsetDateTime startedAt,
        OffsetDateTime completedAt, List<String> warnings) {

    /**
     * Checks required parts and copies the lists.
     *
     * @param runId the run
     * @param workflowId the workflow
     * @param counts the row counts
     * @param relation how the results relate to the customers
     * @param outputEntity the output entity written
     * @param outputGeneration the generation of the output entity's version this run committed
     * @param phases when each phase started and ended
     * @param startedAt when the run started
     * @param completedAt when it ended
     * @param warnings what the run noticed but did not stop for, such as drift under the WARN policy
     */
    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(outputEntity, "outputEntity");
        phases = List.copyOf(phases);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /**
     * Returns how long the run took.
     *
     * @return the time from start to end, or {@code null} if either is unknown
     */
    public Duration duration() {
        return startedAt == null || completedAt == null ? null : Duration.between(startedAt, completedAt);
    }
}
