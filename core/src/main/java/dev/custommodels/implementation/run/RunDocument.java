package dev.custommodels.implementation.run;

import dev.custommodels.models.DataTransfer;
import dev.custommodels.models.DataType;
import dev.custommodels.models.DriftDifference;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.PhaseTiming;
import dev.custommodels.models.RelationReport;
import dev.custommodels.models.RunCounts;
import dev.custommodels.models.RunError;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.RunTrigger;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.StagedInput;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of {@code run.json}: the public record's fields, the run's settings and its checkpoints. Mutable,
 * owned by the one driver that holds the run's lease; written whole on every checkpoint with if-match.
 */
final class RunDocument {
    /** The version of the file format this code writes. */
    static final int FORMAT_VERSION = 1;

    public int formatVersion = FORMAT_VERSION;
    public String runId;
    public String workflowId;
    public RunTrigger trigger;
    public String status;
    public RunPhase phase;
    public String connector;
    public String remoteStatus;
    public String outputEntity;
    public Long outputGeneration;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public Settings settings = new Settings();
    public RunCounts counts = RunCounts.NONE;
    public RelationReport relation;
    public List<PhaseTiming> phases = new ArrayList<>();
    public List<RunError> errors = new ArrayList<>();
    public List<String> warnings = new ArrayList<>();
    public List<DriftDifference> drift = new ArrayList<>();
    public List<DataTransfer> transfers = new ArrayList<>();
    public Checkpoint checkpoint = new Checkpoint();

    /** The options a run keeps across resumes. */
    static final class Settings {
        public DriftPolicy driftPolicy;
        public Long maxRejectedRows;
        public double maxRejectedShare;
        public double minMatchRate;
        public long leaseMillis;
        public int exportChunkRows;
    }

    /** What a resumed run needs to continue where the last one stopped. */
    static final class Checkpoint {
        public boolean driftChecked;
        public List<StagedInput> staged = new ArrayList<>();
        public boolean transferApproved;
        public DataTransfer refusedTransfer;
        public String refusedReason;
        public OffsetDateTime submittingSince;
        public JobHandle job;
        public long remoteRowsDone = -1;
        public long remoteRowsTotal = -1;
        public OffsetDateTime remoteSucceededAt;
        public List<String> collected;
        public List<Column> resultColumns;
        public String customerIdColumn;
        public boolean commitStarted;
        public String commitBaseRunId;
    }

    /**
     * One result column and its type in the output entity.
     *
     * @param name the column
     * @param type its type
     */
    public record Column(String name, DataType type) {
    }

    RunStatus status() {
        return RunStatus.fromString(status);
    }

    void status(RunStatus s) {
        this.status = s.toString();
    }

    void counts(long exported, long rejected, long results, long committed, long skipped) {
        this.counts = new RunCounts(exported, rejected, results, committed, skipped);
    }

    RunRecord toRecord() {
        return new RunRecord(runId, workflowId, trigger, status(), phase, connector,
                checkpoint.job == null ? null : checkpoint.job.jobId(), remoteStatus, counts, relation, phases,
                errors, warnings, drift, transfers, outputEntity, outputGeneration, createdAt, updatedAt);
    }
}
