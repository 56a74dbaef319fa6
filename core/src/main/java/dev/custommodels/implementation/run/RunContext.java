package dev.custommodels.implementation.run;

import dev.custommodels.implementation.ClientRuntime;
import dev.custommodels.models.DataTransferPolicy;
import dev.custommodels.models.PhaseTiming;
import dev.custommodels.models.RunFailedException;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputEntityClient;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the phases of one run share: the client's parts, the workflow as the run started, the run document
 * with the ETag of its last write, the lease and the cancel flag. Used by one driver thread at a time; only
 * {@link #requestCancel()} is called from other threads.
 */
final class RunContext {
    final ClientRuntime runtime;
    final RunStore store;
    final Workflow workflow;
    final RunDocument doc;
    final Connector connector;
    final OutputEntityClient outputs;
    final DataTransferPolicy transferPolicy;
    private String etag;
    private RunLease lease;
    private volatile boolean cancelRequested;

    RunContext(ClientRuntime runtime, RunStore store, Workflow workflow, RunDocument doc, String etag,
            OutputEntityClient outputs, DataTransferPolicy transferPolicy) {
        this.runtime = runtime;
        this.store = store;
        this.workflow = workflow;
        this.doc = doc;
        this.etag = etag;
        this.connector = runtime.connector(workflow.model().connector());
        this.outputs = outputs;
        this.transferPolicy = transferPolicy;
    }

    LakeStore lake() {
        return runtime.lake();
    }

    String workflowId() {
        return doc.workflowId;
    }

    String runId() {
        return doc.runId;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
    }

    RunLease lease() {
        return lease;
    }

    void lease(RunLease newLease) {
        this.lease = newLease;
    }

    /** Writes run.json if it is still the version this driver wrote last. */
    void checkpoint() {
        doc.updatedAt = now();
        etag = store.save(doc, etag);
    }

    /** Ends the current phase's timing and starts the next phase. */
    void enter(RunPhase phase) {
        OffsetDateTime now = now();
        List<PhaseTiming> timings = new ArrayList<>(doc.phases);
        if (!timings.isEmpty()) {
            PhaseTiming last = timings.get(timings.size() - 1);
            if (last.completedAt() == null) {
                timings.set(timings.size() - 1, new PhaseTiming(last.phase(), last.startedAt(), now));
            }
        }
        if (phase != RunPhase.DONE) {
            timings.add(new PhaseTiming(phase, now, null));
        }
        doc.phases = timings;
        doc.phase = phase;
    }

    /** Called in long loops: renews the lease when due and stops the phase if the run was cancelled. */
    void tick() {
        if (lease != null) {
            lease.renewIfDue();
        }
        if (cancelRequested) {
            throw new CancelSignal();
        }
    }

    void requestCancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Creates the failure of a phase, with one of our error codes. */
    RunFailedException failure(RunPhase phase, String code, String message) {
        return new RunFailedException("Run '" + doc.runId + "' of workflow '" + doc.workflowId + "' failed in "
                + phase + ": " + message, doc.runId, doc.workflowId, doc.connector, phase, code, message);
    }

    /** The request the connector submits; the same on every resume, so the connector can find it again. */
    JobRequest jobRequest() {
        return new JobRequest(doc.runId, doc.workflowId, workflow.model(), workflow.contract(),
                doc.checkpoint.staged, workflow.definition().parameters(), workflow.definition().output(),
                RunPaths.work(doc.workflowId, doc.runId));
    }
}
