package dev.custommodels.implementation.run;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.RunPhase;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SUBMIT, REMOTE and COLLECT phases. The remote job is submitted at most once: a "submitting" marker is
 * written to run.json before the connector is called and the handle right after, before any poll; a resumed run
 * that finds the marker without a handle asks the connector to find the job it may have created
 * ({@code findSubmitted}) and adopts it.
 */
final class JobPhases {
    private static final ClientLogger LOGGER = new ClientLogger(JobPhases.class);

    private JobPhases() {
    }

    /** Submits the job, or adopts the one an interrupted submit created, and records its handle. */
    static void submit(RunContext ctx) {
        RunDocument.Checkpoint cp = ctx.doc.checkpoint;
        JobRequest request = ctx.jobRequest();
        if (cp.job == null && cp.submittingSince != null) {
            Optional<JobHandle> found = ctx.connector.findSubmitted(request);
            if (found.isPresent()) {
                cp.job = found.get();
                LOGGER.info("Run {} adopted remote job {} that an interrupted submit created.", ctx.runId(),
                        cp.job.jobId());
            } else {
                LOGGER.info("Run {}: the connector found no job of the interrupted submit (since {}); submitting.",
                        ctx.runId(), cp.submittingSince);
            }
        }
        if (cp.job == null) {
            cp.submittingSince = ctx.now();
            ctx.checkpoint();
            JobHandle handle = Objects.requireNonNull(ctx.connector.submit(request),
                    "The connector returned no job handle.");
            cp.job = handle;
            LOGGER.info("Run {} submitted remote job {} through {}.", ctx.runId(), handle.jobId(),
                    handle.connector());
        }
        ctx.enter(RunPhase.REMOTE);
        ctx.checkpoint();
    }

    /**
     * Polls the job once.
     *
     * @return the status; terminal states have been acted on (the next phase entered, or a failure thrown)
     */
    static JobStatus poll(RunContext ctx) {
        RunDocument.Checkpoint cp = ctx.doc.checkpoint;
        JobStatus status = Objects.requireNonNull(ctx.connector.poll(cp.job), "The connector returned no status.");
        boolean changed = !Objects.equals(status.remoteStatus(), ctx.doc.remoteStatus)
                || status.rowsDone() != cp.remoteRowsDone;
        ctx.doc.remoteStatus = status.remoteStatus();
        cp.remoteRowsDone = status.rowsDone();
        cp.remoteRowsTotal = status.rowsTotal();
        if (changed) {
            LOGGER.info("Run {}: remote job {} is {} ({}).", ctx.runId(), cp.job.jobId(), status.remoteStatus(),
                    status.state());
        }
        switch (status.state()) {
            case SUCCEEDED -> {
                cp.remoteSucceededAt = ctx.now();
                ctx.enter(RunPhase.COLLECT);
                ctx.checkpoint();
            }
            case FAILED -> throw new RemoteFailure(status);
            case CANCELED -> throw new CancelSignal();
            default -> {
                if (changed) {
                    ctx.checkpoint();
                }
            }
        }
        return status;
    }

    /** Copies the job's output into the run's outputs folder, replacing what an interrupted collect left. */
    static void collect(RunContext ctx) {
        String prefix = RunPaths.outputs(ctx.workflowId(), ctx.runId());
        ctx.lake().deletePrefix(prefix);
        List<String> paths = ctx.connector.collect(ctx.doc.checkpoint.job, prefix);
        if (paths == null || paths.isEmpty()) {
            throw ctx.failure(RunPhase.COLLECT, "OutputMissing", "the connector collected no output files of remote"
                    + " job '" + ctx.doc.checkpoint.job.jobId() + "' into " + prefix);
        }
        ctx.doc.checkpoint.collected = List.copyOf(paths);
        LOGGER.info("Run {} collected {} output files.", ctx.runId(), paths.size());
        ctx.enter(RunPhase.RELATE);
        ctx.checkpoint();
    }

    /** The remote job failed; carries the service's error. */
    static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JobStatus status;

        RemoteFailure(JobStatus status) {
            super(status.errorMessage(), null, false, false);
            this.status = status;
        }
    }
}
