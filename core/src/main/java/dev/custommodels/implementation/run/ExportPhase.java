package dev.custommodels.implementation.run;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.DataTransfer;
import dev.custommodels.models.DataTransferPolicy;
import dev.custommodels.models.DriftDifference;
import dev.custommodels.models.DriftException;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.TransferDecision;
import dev.custommodels.models.TransferRefusedException;
import dev.custommodels.models.TransferredInput;
import dev.custommodels.spi.WorkspaceInfo;
import dev.custommodels.spi.StagedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The EXPORT phase, one step per poll: the drift check, then one model input at a time, then the rejected-rows
 * threshold and the data transfer policy. Nothing leaves the lake in this phase.
 */
final class ExportPhase {
    private static final ClientLogger LOGGER = new ClientLogger(ExportPhase.class);

    private ExportPhase() {
    }

    static void step(RunContext ctx) {
        RunDocument.Checkpoint cp = ctx.doc.checkpoint;
        if (!cp.driftChecked) {
            checkDrift(ctx);
            cp.driftChecked = true;
            ctx.checkpoint();
        }
        for (InputBinding b : ctx.workflow.definition().inputs()) {
            if (cp.staged.stream().noneMatch(s -> s.input().equals(b.input()))) {
                InputExporter.Exported e = InputExporter.export(ctx, b);
                List<StagedInput> staged = new ArrayList<>(cp.staged);
                staged.add(e.staged());
                cp.staged = staged;
                var c = ctx.doc.counts;
                ctx.doc.counts(c.exportedRows() + e.staged().rowCount(), c.rejectedRows() + e.rejected(),
                        c.resultRows(), c.committedRows(), c.skippedResultRows());
                LOGGER.info("Run {} exported input {} from entity {}: {} rows in {} files, {} rejected.",
                        ctx.runId(), b.input(), b.entity(), e.staged().rowCount(), e.staged().paths().size(),
                        e.rejected());
                ctx.checkpoint();
                return;
            }
        }
        checkRejectedShare(ctx);
        approveTransfer(ctx);
        ctx.enter(RunPhase.SUBMIT);
        ctx.checkpoint();
    }

    private static void checkDrift(RunContext ctx) {
        ServiceContract current = Objects.requireNonNull(ctx.connector.describeService(ctx.workflow.model()),
                "The connector described no contract.");
        List<DriftDifference> diffs = DriftCheck.compare(ctx.workflow.contract(), current,
                ctx.workflow.entitySchemas(), ctx.runtime.catalog());
        ctx.doc.drift = diffs;
        if (diffs.isEmpty()) {
            return;
        }
        if (ctx.doc.settings.driftPolicy != DriftPolicy.WARN) {
            throw new DriftException(ctx.runId(), ctx.workflowId(), ctx.doc.connector, diffs);
        }
        List<String> warnings = new ArrayList<>(ctx.doc.warnings);
        for (DriftDifference d : diffs) {
            LOGGER.warning("Run {}: workflow {} drifted (policy WARN): {}", ctx.runId(), ctx.workflowId(), d);
            warnings.add("Drift: " + d);
        }
        ctx.doc.warnings = warnings;
    }

    private static void checkRejectedShare(RunContext ctx) {
        long rejected = ctx.doc.counts.rejectedRows();
        long read = rejected + ctx.doc.counts.exportedRows();
        double share = read == 0 ? 0 : (double) rejected / read;
        if (share > ctx.doc.settings.maxRejectedShare) {
            throw ctx.failure(RunPhase.EXPORT, "TooManyRejectedRows", String.format(Locale.ROOT,
                    "%d of %d rows (%.2f%%) could not be converted to the model's types; at most %.2f%% may be"
                            + " (RunOptions.setMaxRejectedShare). See listRunErrors(\"%s\") for each row and why;"
                            + " nothing was sent", rejected, read, 100 * share,
                    100 * ctx.doc.settings.maxRejectedShare, ctx.runId()));
        }
        if (rejected > 0) {
            List<String> warnings = new ArrayList<>(ctx.doc.warnings);
            warnings.add(rejected + " rows could not be converted and were not sent; see listRunErrors");
            ctx.doc.warnings = warnings;
        }
    }

    private static void approveTransfer(RunContext ctx) {
        RunDocument.Checkpoint cp = ctx.doc.checkpoint;
        if (cp.transferApproved) {
            return;
        }
        List<TransferredInput> inputs = new ArrayList<>();
        for (StagedInput s : cp.staged) {
            InputBinding b = ctx.workflow.definition().inputs().stream()
                    .filter(x -> x.input().equals(s.input())).findFirst().orElseThrow();
            List<String> attributes = s.columns().stream()
                    .map(c -> b.field(c).orElseThrow().attribute()).toList();
            inputs.add(new TransferredInput(s.input(), b.entity(), attributes, s.columns(), s.rowCount()));
        }
        DataTransfer transfer = new DataTransfer(ctx.runId(), ctx.workflowId(), ctx.workflow.model(),
                region(ctx), inputs, ctx.now());
        DataTransferPolicy policy = ctx.transferPolicy == null ? DataTransferPolicy.allowAll() : ctx.transferPolicy;
        TransferDecision decision = policy.evaluate(transfer);
        if (decision == null || !decision.allowed()) {
            throw new TransferRefusedException(transfer,
                    decision == null ? "the policy returned no decision" : decision.reason());
        }
        List<DataTransfer> transfers = new ArrayList<>(ctx.doc.transfers);
        transfers.add(transfer);
        ctx.doc.transfers = transfers;
        cp.transferApproved = true;
    }

    private static String region(RunContext ctx) {
        var model = ctx.workflow.model();
        try {
            return ctx.connector.listWorkspaces(model.tenantId()).stream()
                    .filter(w -> w.id().equals(model.workspaceId())).map(WorkspaceInfo::region)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        } catch (RuntimeException e) {
            LOGGER.verbose("Run {}: the region of workspace {} is unknown: {}", ctx.runId(), model.workspaceId(),
                    e.getMessage());
            return null;
        }
    }
}
