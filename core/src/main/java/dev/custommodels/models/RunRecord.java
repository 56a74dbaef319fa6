package dev.custommodels.models;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The record of one run, as kept in the lake ({@code runs/<workflowId>/<runId>/run.json}).
 *
 * @param runId the run's id
 * @param workflowId the workflow's id
 * @param trigger what started the run
 * @param status its status
 * @param phase the phase it is in, or {@link RunPhase#DONE}
 * @param connector the connector of the workflow's model
 * @param remoteJobId the remote job's id once submitted, else {@code null}
 * @param remoteStatus the remote job's last known status, else {@code null}
 * @param counts the row counts so far
 * @param relation the relation figures once the results were related, else {@code null}
 * @param phases when each phase started and ended, in order
 * @param errors the errors, the one that stopped the run last
 * @param warnings what the run noticed but did not stop for
 * @param drift the differences the drift check found (empty when none)
 * @param transfers what was sent where
 * @param outputEntity the output entity
 * @param outputGeneration the generation committed, or {@code null} before the commit
 * @param createdAt when the run was created
 * @param updatedAt when the record was last written
 */
public record RunRecord(String runId, String workflowId, RunTrigger trigger, RunStatus status, RunPhase phase,
        String connector, String remoteJobId, String remoteStatus, RunCounts counts, RelationReport relation,
        List<PhaseTiming> phases, List<RunError> errors, List<String> warnings, List<DriftDifference> drift,
        List<DataTransfer> transfers, String outputEntity, Long outputGeneration, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * Checks required parts and copies the lists.
     *
     * @param runId the run's id
     * @param workflowId the workflow's id
     * @param trigger what started the run
     * @param status its status
     * @param phase the phase it is in, or {@link RunPhase#DONE}
     * @param connector the connector of the workflow's model
     * @param remoteJobId the remote job's id once submitted, else {@code null}
     * @param remoteStatus the remote job's last known status, else {@code null}
     * @param counts the row counts so far
     * @param relation the relation figures once the results were related, else {@code null}
     * @param phases when each phase started and ended, in order
     * @param errors the errors, the one that stopped the run last
     * @param warnings what the run noticed but did not stop for
     * @param drift the differences the drift check found (empty when none)
     * @param transfers what was sent where
     * @param outputEntity the output entity
     * @param outputGeneration the generation committed, or {@code null} before the commit
     * @param createdAt when the run was created
     * @param updatedAt when the record was last written
     */
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(counts, "counts");
        phases = List.copyOf(phases);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        drift = List.copyOf(drift);
        transfers = List.copyOf(transfers);
    }
}
