package dev.custommodels.implementation.run;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.RelationReport;
import dev.custommodels.models.RunPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The RELATE phase: finds the results' Customer ID column, compares the result IDs with the primary key of the
 * first input's entity (matched, unknown, duplicated IDs; keys without a result), decides the result columns'
 * types, and fails the run when the match rate is under the threshold. Streams the results and the entity's keys;
 * the comparison runs through {@link KeyBuckets}, so memory does not grow with the number of rows.
 */
final class RelatePhase {
    private static final ClientLogger LOGGER = new ClientLogger(RelatePhase.class);

    private RelatePhase() {
    }

    static void step(RunContext ctx) {
        RunDocument doc = ctx.doc;
        List<String> paths = doc.checkpoint.collected;
        List<String> header = ResultFiles.header(ctx, paths);
        int id = customerIdColumn(ctx, header, paths);
        InputBinding first = ctx.workflow.definition().inputs().get(0);
        EntitySource entity = ctx.runtime.catalog().find(first.entity()).orElseThrow(() -> ctx.failure(
                RunPhase.RELATE, "EntityMissing", "the entity catalog has no entity '" + first.entity() + "' any more"));
        ResultColumns types = new ResultColumns(header.size());
        long[] rows = new long[2];
        RelationCounter counter = new RelationCounter();
        try (KeyBuckets results = new KeyBuckets("results"); KeyBuckets keys = new KeyBuckets("keys")) {
            ResultFiles.forEachRow(ctx, paths, header.size(), (path, r) -> {
                rows[0]++;
                types.observe(r);
                String text = KeyText.of(r[id]);
                if (text == null) {
                    rows[1]++;
                } else {
                    results.add(KeyBuckets.hash(text));
                }
            });
            streamKeys(ctx, entity, keys);
            counter.count(keys, results);
        }
        List<String> unknown = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        if (!counter.unknownSamples.isEmpty() || !counter.duplicateSamples.isEmpty()) {
            samples(ctx, paths, header.size(), id, counter, unknown, duplicated);
        }
        double rate = counter.distinct == 0 ? 1.0 : (double) counter.matched / counter.distinct;
        RelationReport report = new RelationReport(first.entity(), entity.schema().primaryKey(), header.get(id),
                rows[0], counter.distinct, counter.matched, counter.unknown, counter.duplicateIds,
                counter.duplicateRows, rows[1], counter.unscored, rate, unknown, duplicated);
        doc.relation = report;
        var c = doc.counts;
        doc.counts(c.exportedRows(), c.rejectedRows(), rows[0], c.committedRows(), c.skippedResultRows());
        doc.checkpoint.customerIdColumn = header.get(id);
        doc.checkpoint.resultColumns = types.decide(header, id, ctx.workflow.contract(),
                ctx.workflow.definition().output().modelOutput());
        LOGGER.info("Run {} related {} result rows: {} of {} distinct IDs match {}.{}, {} unknown, {} duplicated.",
                ctx.runId(), rows[0], counter.matched, counter.distinct, first.entity(),
                entity.schema().primaryKey(), counter.unknown, counter.duplicateIds);
        check(ctx, report);
        ctx.enter(RunPhase.COMMIT);
        ctx.checkpoint();
    }

    private static int customerIdColumn(RunContext ctx, List<String> header, List<String> paths) {
        String wanted = ctx.workflow.definition().customerIdAttribute();
        int exact = header.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(wanted)) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = i;
            }
        }
        if (found >= 0) {
            LOGGER.info("Run {}: the results' column '{}' is taken as the Customer ID attribute '{}'.", ctx.runId(),
                    header.get(found), wanted);
            return found;
        }
        throw ctx.failure(RunPhase.RELATE, "CustomerIdColumnMissing", "the results have no column '" + wanted
                + "' (the workflow's Customer ID attribute). Output files: " + paths + "; columns found: " + header
                + ". Set the workflow's customerIdAttribute to the column that holds the Customer ID, or change the"
                + " model's output");
    }

    private static void streamKeys(RunContext ctx, EntitySource entity, KeyBuckets keys) {
        long n = 0;
        try (RowCursor cursor = entity.open()) {
            while (cursor.hasNext()) {
                String key = KeyText.of(cursor.next().key());
                if (key != null) {
                    keys.add(KeyBuckets.hash(key));
                }
                if (++n % 8192 == 0) {
                    ctx.tick();
                }
            }
        }
    }

    private static void samples(RunContext ctx, List<String> paths, int columns, int id, RelationCounter counter,
            List<String> unknown, List<String> duplicated) {
        Set<Long> wantUnknown = counter.unknownSamples;
        Set<Long> wantDuplicated = counter.duplicateSamples;
        ResultFiles.forEachRow(ctx, paths, columns, (path, r) -> {
            String text = KeyText.of(r[id]);
            if (text == null) {
                return;
            }
            long h = KeyBuckets.hash(text);
            if (wantUnknown.contains(h) && !unknown.contains(text)) {
                unknown.add(text);
            }
            if (wantDuplicated.contains(h) && !duplicated.contains(text)) {
                duplicated.add(text);
            }
        });
    }

    private static void check(RunContext ctx, RelationReport r) {
        long exported = ctx.doc.counts.exportedRows();
        if (r.resultRows() == 0 && exported > 0) {
            throw ctx.failure(RunPhase.RELATE, "NoResults", "the model returned no result rows for " + exported
                    + " input rows; output files: " + ctx.doc.checkpoint.collected);
        }
        double min = ctx.doc.settings.minMatchRate;
        if (r.distinctIds() > 0 && r.matchRate() < min) {
            throw ctx.failure(RunPhase.RELATE, "MatchRateTooLow", String.format(Locale.ROOT,
                    "only %d of %d distinct result IDs in column '%s' (%.1f%%) match a %s.%s; %d are unknown%s, %d"
                            + " appear more than once%s, %d rows have no ID. At least %.1f%% must match"
                            + " (RunOptions.setMinMatchRate). Check that column '%s' holds the Customer ID; nothing"
                            + " was committed", r.matchedIds(), r.distinctIds(), r.customerIdColumn(),
                    100 * r.matchRate(), r.entity(), r.keyAttribute(), r.unknownIds(), sample(r.unknownSamples()),
                    r.duplicateIds(), sample(r.duplicateSamples()), r.emptyIds(), 100 * min, r.customerIdColumn()));
        }
    }

    private static String sample(List<String> values) {
        return values.isEmpty() ? "" : " (such as " + values.stream().map(v -> "'" + v + "'").toList() + ")";
    }
}
