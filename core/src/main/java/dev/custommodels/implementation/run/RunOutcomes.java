package dev.custommodels.implementation.run;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.DriftException;
import dev.custommodels.models.RunError;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.TransferRefusedException;
import dev.custommodels.spi.JobStatus;
import java.util.Locale;

/** Builds what a run reports: progress, the result of a success, and the exception of a failure. */
final class RunOutcomes {
    /** The error code of a cancelled run. */
    static final String CANCELED = "Canceled";

    private RunOutcomes() {
    }

    static RunProgress progress(RunDocument doc) {
        return new RunProgress(doc.runId, doc.status(), doc.phase, doc.counts.exportedRows(),
                doc.counts.rejectedRows(), doc.remoteStatus, doc.checkpoint.remoteRowsDone,
                doc.checkpoint.remoteRowsTotal, doc.counts.resultRows());
    }

    static RunResult result(RunDocument doc) {
        return new RunResult(doc.runId, doc.workflowId, doc.counts, doc.relation, doc.outputEntity,
                doc.outputGeneration == null ? 0 : doc.outputGeneration, doc.phases, doc.createdAt, doc.updatedAt,
                doc.warnings);
    }

    /** The exception of a failed remote job, with the service's error code and detail. */
    static RunFailedException remote(RunDocument doc, JobStatus status) {
        String code = status.errorCode() == null ? "RemoteJobFailed" : status.errorCode();
        String detail = status.errorMessage() == null ? "(the service gave no detail)" : status.errorMessage();
        return new RunFailedException("Run '" + doc.runId + "' of workflow '" + doc.workflowId + "' failed: remote"
                + " job '" + (doc.checkpoint.job == null ? "?" : doc.checkpoint.job.jobId()) + "' at connector '"
                + doc.connector + "' ended " + status.remoteStatus() + " with error " + code + ": " + detail,
                doc.runId, doc.workflowId, doc.connector, RunPhase.REMOTE, code, detail);
    }

    /** Wraps an SDK exception that stopped a phase. */
    static RunFailedException wrap(RunDocument doc, CustomModelsException e) {
        String code = e.getClass().getSimpleName().replaceFirst("Exception$", "");
        RunFailedException f = new RunFailedException("Run '" + doc.runId + "' of workflow '" + doc.workflowId
                + "' failed in " + doc.phase + ": " + e.getMessage(), doc.runId, doc.workflowId, doc.connector,
                doc.phase, code, e.getMessage());
        f.initCause(e);
        return f;
    }

    static RunFailedException canceled(RunDocument doc) {
        return new RunFailedException("Run '" + doc.runId + "' of workflow '" + doc.workflowId + "' was cancelled"
                + " in " + lastPhase(doc) + ".", doc.runId, doc.workflowId, doc.connector, lastPhase(doc), CANCELED,
                "The run was cancelled.");
    }

    /** Rebuilds the exception of a run that failed in an earlier process, from its record. */
    static RunFailedException fromRecord(RunDocument doc) {
        RunError last = doc.errors.isEmpty() ? null : doc.errors.get(doc.errors.size() - 1);
        if (last == null) {
            return new RunFailedException("Run '" + doc.runId + "' failed without a recorded error.", doc.runId,
                    doc.workflowId, doc.connector, doc.phase, "Unknown", null);
        }
        if (DriftException.CODE.equals(last.code()) && !doc.drift.isEmpty()) {
            return new DriftException(doc.runId, doc.workflowId, doc.connector, doc.drift);
        }
        if (TransferRefusedException.CODE.equals(last.code()) && doc.checkpoint.refusedTransfer != null) {
            return new TransferRefusedException(doc.checkpoint.refusedTransfer, doc.checkpoint.refusedReason);
        }
        return new RunFailedException(last.message(), doc.runId, doc.workflowId, doc.connector, last.phase(),
                last.code(), last.message());
    }

    static String describe(RunDocument doc) {
        return String.format(Locale.ROOT, "run %s of workflow %s (%s, %s)", doc.runId, doc.workflowId, doc.status,
                doc.phase);
    }

    private static RunPhase lastPhase(RunDocument doc) {
        return doc.phases.isEmpty() ? RunPhase.EXPORT : doc.phases.get(doc.phases.size() - 1).phase();
    }
}
