package dev.custommodels.implementation.run;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunStatus;
import dev.custommodels.output.OutputCommitResult;
import dev.custommodels.output.OutputConflictException;
import dev.custommodels.output.OutputEntityNotFoundException;
import dev.custommodels.output.OutputEntityVersion;
import dev.custommodels.output.OutputEntityWriter;
import dev.custommodels.output.OutputWriterOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The COMMIT phase: writes the collected results as a new version of the output entity, with the lineage columns
 * the writer adds. Idempotent per run id: a version of this run that is already in the entity is adopted, not
 * written again; a run whose commit was interrupted writes it again only if no other run committed since it began
 * (otherwise it fails rather than replace newer results).
 */
final class CommitPhase {
    private static final ClientLogger LOGGER = new ClientLogger(CommitPhase.class);
    private static final int COMMIT_ATTEMPTS = 3;

    private CommitPhase() {
    }

    static void step(RunContext ctx) {
        RunDocument doc = ctx.doc;
        RunDocument.Checkpoint cp = doc.checkpoint;
        String entity = doc.outputEntity;
        Optional<OutputEntityVersion> existing = ctx.outputs.findVersion(entity, ctx.runId());
        if (existing.isPresent()) {
            LOGGER.info("Run {}: version {} of output entity {} was committed before the run was interrupted.",
                    ctx.runId(), existing.get().generation(), entity);
            finish(ctx, existing.get().generation(), existing.get().rowCount(), doc.counts.skippedResultRows());
            return;
        }
        String current = currentRunId(ctx, entity);
        if (cp.commitStarted) {
            if (current != null && !current.equals(cp.commitBaseRunId)) {
                throw ctx.failure(RunPhase.COMMIT, "Superseded", "run '" + current + "' committed a newer version"
                        + " of output entity '" + entity + "' after this run's interrupted commit began; this run's"
                        + " results were not committed, so as not to replace newer ones");
            }
        } else {
            cp.commitStarted = true;
            cp.commitBaseRunId = current;
            ctx.checkpoint();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                write(ctx, entity);
                return;
            } catch (OutputConflictException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw e;
                }
                LOGGER.info("Run {}: another writer committed to output entity {} meanwhile; writing again.",
                        ctx.runId(), entity);
            }
        }
    }

    private static void write(RunContext ctx, String entity) {
        RunDocument.Checkpoint cp = ctx.doc.checkpoint;
        List<RunDocument.Column> columns = cp.resultColumns;
        int id = indexOf(columns, cp.customerIdColumn);
        EntitySchema schema;
        try {
            schema = new EntitySchema(entity, columns.stream().map(c -> Attribute.of(c.name(), c.type())).toList(),
                    cp.customerIdColumn);
        } catch (IllegalArgumentException e) {
            throw ctx.failure(RunPhase.COMMIT, "OutputHeaderInvalid", "the results' columns cannot form the output"
                    + " entity: " + e.getMessage());
        }
        String ledgerPrefix = RunPaths.commitErrorsPrefix(ctx.workflowId(), ctx.runId());
        ErrorLedger.clear(ctx.lake(), ledgerPrefix);
        OffsetDateTime scoredAt = cp.remoteSucceededAt == null ? ctx.now() : cp.remoteSucceededAt;
        OutputWriterOptions options = new OutputWriterOptions(entity, schema, cp.customerIdColumn, ctx.runId(),
                ctx.workflow.model(), scoredAt);
        long[] skipped = {0};
        OutputCommitResult result;
        try (ErrorLedger ledger = new ErrorLedger(ctx.lake(), ledgerPrefix);
                OutputEntityWriter writer = open(ctx, options)) {
            Object[] values = new Object[columns.size()];
            ResultFiles.forEachRow(ctx, cp.collected, columns.size(), (path, r) -> {
                String key = KeyText.of(r[id]);
                if (key == null) {
                    skipped[0]++;
                    ledger.add(RunPhase.COMMIT, path, null, cp.customerIdColumn, null,
                            "the result row has no Customer ID, so it relates to no customer; not committed");
                    return;
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = i == id ? key : parse(columns.get(i), r[i], path, key, ledger);
                }
                writer.write(values);
            });
            ctx.tick();
            result = writer.commit();
        } catch (IllegalArgumentException e) {
            throw ctx.failure(RunPhase.COMMIT, "OutputRejected", e.getMessage());
        }
        finish(ctx, result.version().generation(), result.version().rowCount(), skipped[0]);
    }

    private static OutputEntityWriter open(RunContext ctx, OutputWriterOptions options) {
        return ctx.outputs.openWriter(options);
    }

    private static void finish(RunContext ctx, long generation, long rows, long skipped) {
        RunDocument doc = ctx.doc;
        doc.outputGeneration = generation;
        var c = doc.counts;
        doc.counts(c.exportedRows(), c.rejectedRows(), c.resultRows(), rows, skipped);
        doc.status(RunStatus.SUCCEEDED);
        ctx.enter(RunPhase.DONE);
        ctx.checkpoint();
        LOGGER.info("Run {} committed {} rows as version {} of output entity {}.", ctx.runId(), rows, generation,
                doc.outputEntity);
    }

    private static String currentRunId(RunContext ctx, String entity) {
        try {
            return ctx.outputs.getCurrentVersion(entity).runId();
        } catch (OutputEntityNotFoundException e) {
            return null;
        }
    }

    private static Object parse(RunDocument.Column column, String text, String path, String key, ErrorLedger ledger) {
        if (text == null || (text.isBlank() && column.type() != DataType.STRING)) {
            return null;
        }
        String s = column.type() == DataType.STRING ? text : text.strip();
        try {
            return switch (column.type()) {
                case STRING -> s;
                case INTEGER -> new BigDecimal(s).longValueExact();
                case NUMBER -> Double.parseDouble(s);
                case BOOLEAN -> parseBoolean(s);
                case DATE -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                case DATETIME -> parseDateTime(s);
            };
        } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
            ledger.add(RunPhase.COMMIT, path, key, column.name(), text, "the value is not a "
                    + column.type().name().toLowerCase(Locale.ROOT) + "; committed as empty");
            return null;
        }
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(s);
    }

    private static OffsetDateTime parseDateTime(String s) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
        }
    }

    private static int indexOf(List<RunDocument.Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("The Customer ID column '" + name + "' is not among the result columns.");
    }
}
