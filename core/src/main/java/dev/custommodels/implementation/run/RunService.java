package dev.custommodels.implementation.run;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.polling.SyncPoller;
import dev.custommodels.implementation.ClientRuntime;
import dev.custommodels.implementation.WorkflowJson;
import dev.custommodels.implementation.WorkflowStore;
import dev.custommodels.models.DataTransferPolicy;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.RunConflictException;
import dev.custommodels.models.RunNotFoundException;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunRecord;
import dev.custommodels.models.RunResult;
import dev.custommodels.models.RunRowError;
import dev.custommodels.models.RunStatus;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowNotFoundException;
import dev.custommodels.output.OutputEntityClient;
import dev.custommodels.output.OutputEntityClientBuilder;
import dev.custommodels.spi.WriteCondition;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Starts, resumes, reads and lists runs for a client. Thread-safe; one per client.
 */
public final class RunService {
    private static final ClientLogger LOGGER = new ClientLogger(RunService.class);

    private final ClientRuntime runtime;
    private final RunStore store;
    private final OutputEntityClient outputs;
    private final DataTransferPolicy defaultPolicy;

    /**
     * Creates the service.
     *
     * @param runtime the client's runtime
     * @param defaultPolicy the client's data transfer policy, or {@code null} to allow every transfer
     */
    public RunService(ClientRuntime runtime, DataTransferPolicy defaultPolicy) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.store = new RunStore(runtime.lake());
        this.outputs = new OutputEntityClientBuilder().lakeStore(runtime.lake()).clock(runtime.clock())
                .buildClient();
        this.defaultPolicy = defaultPolicy == null ? DataTransferPolicy.allowAll() : defaultPolicy;
    }

    /**
     * Starts a run: takes the workflow's lease, records the run, and returns its poller.
     *
     * @param workflowId the workflow
     * @param options the options, or {@code null} for the defaults
     * @return the poller; each poll does one step
     * @throws WorkflowNotFoundException if there is no such workflow
     * @throws RunConflictException naming the active run when the workflow has one
     */
    public SyncPoller<RunProgress, RunResult> begin(String workflowId, RunOptions options) {
        RunOptions o = options == null ? new RunOptions() : options;
        Workflow workflow = runtime.workflows().get(workflowId);
        String runId = RunIds.next(runtime.clock());
        RunLease lease = RunLease.acquire(runtime.lake(), runtime.clock(), workflowId, runId, o.getLeaseDuration(),
                false);
        RunContext ctx;
        try {
            runtime.lake().write(RunPaths.workflowSnapshot(workflowId, runId), WorkflowJson.write(workflow),
                    WriteCondition.ifNotExists());
            RunDocument doc = newDocument(workflow, runId, o);
            String etag = store.create(doc);
            ctx = new RunContext(runtime, store, workflow, doc, etag, outputs,
                    o.getTransferPolicy() == null ? defaultPolicy : o.getTransferPolicy());
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        ctx.lease(lease);
        LOGGER.info("Started run {} of workflow {} ({}).", runId, workflowId, o.getTrigger());
        return poller(new RunDriver(this, ctx, true));
    }

    /**
     * Continues a run after its process stopped. A finished run's poller is complete at once.
     *
     * @param runId the run
     * @return the poller
     * @throws RunNotFoundException if there is no such run
     * @throws RunConflictException if the run, or another run of its workflow, is active in another process
     */
    public SyncPoller<RunProgress, RunResult> resume(String runId) {
        RunStore.Versioned v = store.load(RunPaths.checkRunId(runId));
        RunDocument doc = v.document();
        Workflow workflow = snapshot(doc);
        if (doc.status().isTerminal()) {
            return poller(new RunDriver(this, context(workflow, v), false));
        }
        RunLease lease = RunLease.acquire(runtime.lake(), runtime.clock(), doc.workflowId, runId,
                Duration.ofMillis(doc.settings.leaseMillis), true);
        RunContext ctx;
        try {
            ctx = context(workflow, store.read(doc.workflowId, runId).orElseThrow(() -> new RunNotFoundException(
                    runId)));
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        ctx.lease(lease);
        LOGGER.info("Resuming {}.", RunOutcomes.describe(ctx.doc));
        return poller(new RunDriver(this, ctx, true));
    }

    /**
     * Reads a run's record.
     *
     * @param runId the run
     * @return the record
     * @throws RunNotFoundException if there is no such run
     */
    public RunRecord get(String runId) {
        return store.load(RunPaths.checkRunId(runId)).document().toRecord();
    }

    /**
     * Lists a workflow's runs, newest first.
     *
     * @param workflowId the workflow; its runs are listed even when it was deleted
     * @return the records
     * @throws IllegalArgumentException if the id is not a valid workflow id
     */
    public PagedIterable<RunRecord> list(String workflowId) {
        WorkflowStore.pathOf(workflowId);
        return store.list(workflowId);
    }

    /**
     * Lists a run's error ledger.
     *
     * @param runId the run
     * @return the entries, export first
     * @throws RunNotFoundException if there is no such run
     */
    public PagedIterable<RunRowError> errors(String runId) {
        RunDocument doc = store.load(RunPaths.checkRunId(runId)).document();
        return ErrorLedger.read(runtime.lake(), RunPaths.errors(doc.workflowId, runId), runId);
    }

    /** Takes the lease again for a run whose driver released it after an error, and re-reads its record. */
    RunContext reattach(RunContext old) {
        RunDocument doc = old.doc;
        RunLease lease = RunLease.acquire(runtime.lake(), runtime.clock(), doc.workflowId, doc.runId,
                Duration.ofMillis(doc.settings.leaseMillis), true);
        try {
            RunContext ctx = context(old.workflow, store.read(doc.workflowId, doc.runId)
                    .orElseThrow(() -> new RunNotFoundException(doc.runId)));
            ctx.lease(lease);
            if (old.cancelRequested()) {
                ctx.requestCancel();
            }
            return ctx;
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }

    private RunContext context(Workflow workflow, RunStore.Versioned v) {
        return new RunContext(runtime, store, workflow, v.document(), v.etag(), outputs, defaultPolicy);
    }

    private Workflow snapshot(RunDocument doc) {
        String path = RunPaths.workflowSnapshot(doc.workflowId, doc.runId);
        return WorkflowJson.read(path, runtime.lake().readAll(path), null);
    }

    private RunDocument newDocument(Workflow workflow, String runId, RunOptions o) {
        RunDocument doc = new RunDocument();
        doc.runId = runId;
        doc.workflowId = workflow.id();
        doc.trigger = o.getTrigger();
        doc.status(RunStatus.NOT_STARTED);
        doc.phase = RunPhase.EXPORT;
        doc.connector = workflow.model().connector();
        doc.outputEntity = workflow.definition().output().entityName();
        doc.createdAt = OffsetDateTime.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
        doc.updatedAt = doc.createdAt;
        doc.settings.driftPolicy = o.getDriftPolicy() != null ? o.getDriftPolicy()
                : workflow.definition().driftPolicy() == null ? DriftPolicy.BLOCK : workflow.definition().driftPolicy();
        doc.settings.maxRejectedRows = o.getMaxRejectedRows();
        doc.settings.maxRejectedShare = o.getMaxRejectedShare();
        doc.settings.minMatchRate = o.getMinMatchRate();
        doc.settings.leaseMillis = Math.max(1, o.getLeaseDuration().toMillis());
        doc.settings.exportChunkRows = o.getExportChunkRows();
        return doc;
    }

    private SyncPoller<RunProgress, RunResult> poller(RunDriver driver) {
        Duration interval = runtime.settings().pollInterval();
        if (interval.isZero()) {
            interval = Duration.ofNanos(1);
        }
        return SyncPoller.createPoller(interval, c -> driver.initialResponse(), c -> driver.poll(),
                (c, r) -> driver.cancel(), c -> driver.result());
    }
}
