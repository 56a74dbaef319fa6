package dev.custommodels.implementation.run;

import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.RunError;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.TransferRefusedException;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives one run through its phases, a step per poll, for the run's {@code SyncPoller}. Holds the run's lease while
 * it works; a failure of the run (its own checks, the remote job, an SDK error) is recorded and ends the run; any
 * other exception (a network or storage error) releases the lease and propagates, leaving the run resumable, and
 * the next poll takes the lease again and continues. Thread-safe: poll, cancel and result are serialised, and a
 * cancel requested during a long phase stops it at its next row batch.
 */
final class RunDriver {
    private static final ClientLogger LOGGER = new ClientLogger(RunDriver.class);
    /** The delay after a step of local work: poll again at once. */
    private static final Duration AT_ONCE = Duration.ofNanos(1);

    private final RunService service;
    private RunContext ctx;
    private RunFailedException failure;
    private boolean detached;
    private volatile boolean cancelRequested;

    RunDriver(RunService service, RunContext ctx, boolean holdsLease) {
        this.service = service;
        this.ctx = ctx;
        this.detached = !holdsLease && !ctx.doc.status().isTerminal();
    }

    /** The response the poller starts with. */
    synchronized PollResponse<RunProgress> initialResponse() {
        return response(AT_ONCE);
    }

    synchronized PollResponse<RunProgress> poll() {
        if (ctx.doc.status().isTerminal()) {
            return response(null);
        }
        if (detached) {
            ctx = service.reattach(ctx);
            detached = false;
        }
        if (cancelRequested) {
            ctx.requestCancel();
        }
        try {
            if (RunStatus.NOT_STARTED.equals(ctx.doc.status())) {
                ctx.doc.status(RunStatus.RUNNING);
                ctx.enter(RunPhase.EXPORT);
                ctx.checkpoint();
            }
            ctx.tick();
            return response(step());
        } catch (RunFailedException e) {
            return fail(e);
        } catch (JobPhases.RemoteFailure e) {
            return fail(RunOutcomes.remote(ctx.doc, e.status));
        } catch (CancelSignal e) {
            return markCanceled();
        } catch (LeaseLostException e) {
            return lost(e);
        } catch (CustomModelsException e) {
            return fail(RunOutcomes.wrap(ctx.doc, e));
        } catch (RuntimeException e) {
            detach(e);
            throw e;
        }
    }

    /** Cancels the run: the remote job if there is one, then the run itself. */
    RunProgress cancel() {
        cancelRequested = true;
        ctx.requestCancel();
        synchronized (this) {
            if (ctx.doc.status().isTerminal()) {
                return RunOutcomes.progress(ctx.doc);
            }
            if (detached) {
                ctx = service.reattach(ctx);
                detached = false;
            }
            markCanceled();
            return RunOutcomes.progress(ctx.doc);
        }
    }

    synchronized RunResult result() {
        RunStatus status = ctx.doc.status();
        if (RunStatus.SUCCEEDED.equals(status)) {
            return RunOutcomes.result(ctx.doc);
        }
        if (RunStatus.CANCELED.equals(status)) {
            throw LOGGER.logExceptionAsWarning(RunOutcomes.canceled(ctx.doc));
        }
        if (RunStatus.FAILED.equals(status)) {
            throw LOGGER.logExceptionAsWarning(failure != null ? failure : RunOutcomes.fromRecord(ctx.doc));
        }
        throw new IllegalStateException("Run '" + ctx.runId() + "' has not finished; it is " + status + " in "
                + ctx.doc.phase + ".");
    }

    private Duration step() {
        switch (ctx.doc.phase) {
            case EXPORT -> ExportPhase.step(ctx);
            case SUBMIT -> JobPhases.submit(ctx);
            case REMOTE -> {
                JobStatus s = JobPhases.poll(ctx);
                if (!s.state().isTerminal()) {
                    return s.retryAfter() != null && s.retryAfter().compareTo(Duration.ZERO) > 0 ? s.retryAfter()
                            : null;
                }
            }
            case COLLECT -> JobPhases.collect(ctx);
            case RELATE -> RelatePhase.step(ctx);
            case COMMIT -> {
                CommitPhase.step(ctx);
                release();
            }
            default -> throw new IllegalStateException("Run '" + ctx.runId() + "' is " + ctx.doc.status
                    + " in phase " + ctx.doc.phase + ", which has no step.");
        }
        return AT_ONCE;
    }

    private PollResponse<RunProgress> fail(RunFailedException e) {
        failure = e;
        RunDocument doc = ctx.doc;
        RunPhase phase = e.getPhase() == null ? doc.phase : e.getPhase();
        LOGGER.warning("Run {} of workflow {} failed in {} ({}): {}", doc.runId, doc.workflowId, phase,
                e.getErrorCode(), e.getMessage());
        if (e instanceof TransferRefusedException t) {
            doc.checkpoint.refusedTransfer = t.getTransfer();
            doc.checkpoint.refusedReason = t.getReason();
        }
        end(RunStatus.FAILED, new RunError(phase, e.getErrorCode(), e.getMessage(), ctx.now()));
        return response(null);
    }

    private PollResponse<RunProgress> markCanceled() {
        RunDocument doc = ctx.doc;
        cancelRemote();
        LOGGER.info("Run {} of workflow {} was cancelled in {}.", doc.runId, doc.workflowId, doc.phase);
        end(RunStatus.CANCELED, new RunError(doc.phase, RunOutcomes.CANCELED, "The run was cancelled.",
                ctx.now()));
        return response(null);
    }

    private void cancelRemote() {
        RunDocument.Checkpoint cp = ctx.doc.checkpoint;
        JobHandle job = cp.job;
        if (job == null && cp.submittingSince != null) {
            Optional<JobHandle> found = ctx.connector.findSubmitted(ctx.jobRequest());
            job = found.orElse(null);
        }
        if (job != null && cp.remoteSucceededAt == null) {
            ctx.connector.cancel(job);
            LOGGER.info("Run {} cancelled remote job {}.", ctx.runId(), job.jobId());
        }
    }

    private void end(RunStatus status, RunError error) {
        RunDocument doc = ctx.doc;
        List<RunError> errors = new ArrayList<>(doc.errors);
        errors.add(error);
        doc.errors = errors;
        doc.status(status);
        ctx.enter(RunPhase.DONE);
        try {
            ctx.checkpoint();
        } catch (LeaseLostException e) {
            LOGGER.warning("Run {}: could not record its end ({}): {}", doc.runId, status, e.getMessage());
            return;
        }
        release();
    }

    private PollResponse<RunProgress> lost(LeaseLostException e) {
        RunDocument doc = ctx.doc;
        LOGGER.warning("Run {} of workflow {}: {}", doc.runId, doc.workflowId, e.getMessage());
        failure = ctx.failure(doc.phase, "LeaseLost", e.getMessage());
        doc.status(RunStatus.FAILED);
        return new PollResponse<>(LongRunningOperationStatus.FAILED, RunOutcomes.progress(doc));
    }

    private void detach(RuntimeException e) {
        LOGGER.warning("Run {} of workflow {} stopped in {} by an error; it stays resumable (poll again, or"
                + " resumeRun(\"{}\")): {}", ctx.runId(), ctx.workflowId(), ctx.doc.phase, ctx.runId(), e.toString());
        release();
        detached = true;
    }

    private void release() {
        if (ctx.lease() != null) {
            ctx.lease().release();
            ctx.lease(null);
        }
    }

    private PollResponse<RunProgress> response(Duration retryAfter) {
        RunStatus status = ctx.doc.status();
        LongRunningOperationStatus s;
        if (RunStatus.SUCCEEDED.equals(status)) {
            s = LongRunningOperationStatus.SUCCESSFULLY_COMPLETED;
        } else if (RunStatus.FAILED.equals(status)) {
            s = LongRunningOperationStatus.FAILED;
        } else if (RunStatus.CANCELED.equals(status)) {
            s = LongRunningOperationStatus.USER_CANCELLED;
        } else if (RunStatus.NOT_STARTED.equals(status)) {
            s = LongRunningOperationStatus.NOT_STARTED;
        } else {
            s = LongRunningOperationStatus.IN_PROGRESS;
        }
        return new PollResponse<>(s, RunOutcomes.progress(ctx.doc), s.isComplete() ? null : retryAfter);
    }
}
