package dev.custommodels.implementation.run;

import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.implementation.mapping.ValueConverter;
import dev.custommodels.mapping.TypeCheck;
import dev.custommodels.mapping.TypeLattice;
import dev.custommodels.mapping.ValueConversionException;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.RunPhase;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports one model input: streams its entity, keeps only the bound attributes, renames them to the model's field
 * names, converts each value along the type lattice and writes CSV chunks. A row with a value that does not convert
 * goes to the error ledger instead. Restartable: it first deletes what an earlier attempt left. Memory stays flat
 * in the number of rows.
 */
final class InputExporter {
    private static final int TICK_ROWS = 8192;

    private InputExporter() {
    }

    /**
     * What one input's export produced.
     *
     * @param staged the staged files
     * @param rejected rows that went to the error ledger
     */
    record Exported(StagedInput staged, long rejected) {
    }

    /** One exported column: where its value comes from and how it converts. */
    private record Column(String field, String attribute, int index, DataType from, DataType to, Class<?> same,
            Class<?> sameToo) {
        Column(String field, String attribute, int index, DataType from, DataType to) {
            this(field, attribute, index, from, to, from == to ? canonical(to) : Void.class,
                    from == to && to == DataType.NUMBER ? BigDecimal.class
                            : from == to && to == DataType.DATETIME ? OffsetDateTime.class : Void.class);
        }

        /** Converts a value; one already of its field's Java type passes as it is. */
        Object convert(Object v) {
            if (v == null) {
                return null;
            }
            Class<?> c = v.getClass();
            if (c == same || c == sameToo) {
                return v;
            }
            return ValueConverter.convert(v, from, to);
        }

        private static Class<?> canonical(DataType type) {
            return switch (type) {
                case STRING -> String.class;
                case INTEGER -> Long.class;
                case NUMBER -> Double.class;
                case BOOLEAN -> Boolean.class;
                case DATE -> LocalDate.class;
                case DATETIME -> LocalDateTime.class;
            };
        }
    }

    static Exported export(RunContext ctx, InputBinding binding) {
        EntitySource source = ctx.runtime.catalog().find(binding.entity()).orElseThrow(() -> ctx.failure(
                RunPhase.EXPORT, "EntityMissing", "the entity catalog has no entity '" + binding.entity()
                        + "' any more, which input '" + binding.input() + "' is bound to"));
        EntitySchema schema = source.schema();
        List<Column> columns = columns(ctx, binding, schema);
        String wf = ctx.workflowId();
        String run = ctx.runId();
        ctx.lake().deletePrefix(RunPaths.inputFolder(wf, run, binding.input()));
        String ledgerPrefix = RunPaths.exportErrorsPrefix(wf, run, binding.input());
        ErrorLedger.clear(ctx.lake(), ledgerPrefix);
        List<String> names = columns.stream().map(Column::field).toList();
        long alreadyRejected = ctx.doc.counts.rejectedRows();
        Long maxRejected = ctx.doc.settings.maxRejectedRows;
        long exported = 0;
        long rejected = 0;
        List<StagingWriter.Part> parts;
        Object[] values = new Object[columns.size()];
        try (RowCursor cursor = source.open();
                StagingWriter out = new StagingWriter(ctx.lake(), wf, run, binding.input(), names,
                        ctx.doc.settings.exportChunkRows);
                ErrorLedger ledger = new ErrorLedger(ctx.lake(), ledgerPrefix)) {
            long read = 0;
            while (cursor.hasNext()) {
                Row row = cursor.next();
                if (++read % TICK_ROWS == 0) {
                    ctx.tick();
                }
                if (!convert(row, columns, values, ledger, binding.input())) {
                    rejected++;
                    if (maxRejected != null && alreadyRejected + rejected > maxRejected) {
                        throw ctx.failure(RunPhase.EXPORT, "TooManyRejectedRows", "more than " + maxRejected
                                + " rows could not be converted to the model's types (limit"
                                + " RunOptions.setMaxRejectedRows); the export stopped at row " + read + " of entity '"
                                + binding.entity() + "'. See listRunErrors(\"" + run + "\") for each row and why");
                    }
                    continue;
                }
                StringBuilder line = out.row();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    CsvText.appendValue(line, values[i]);
                }
                out.writeRow();
                exported++;
            }
            parts = out.finish();
        }
        List<String> paths = parts.stream().map(StagingWriter.Part::path).toList();
        writeManifest(ctx, binding, names, parts, exported, rejected);
        return new Exported(new StagedInput(binding.input(), paths, names, exported), rejected);
    }

    private static boolean convert(Row row, List<Column> columns, Object[] values, ErrorLedger ledger,
            String input) {
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            Object v = row.get(c.index);
            try {
                values[i] = c.convert(v);
            } catch (ValueConversionException e) {
                Object key = row.key();
                ledger.add(RunPhase.EXPORT, input, key == null ? null : key.toString(), c.field,
                        String.valueOf(v), e.getMessage());
                return false;
            }
        }
        return true;
    }

    private static List<Column> columns(RunContext ctx, InputBinding binding, EntitySchema schema) {
        Optional<ModelInput> input = ctx.workflow.contract().input(binding.input());
        List<String> order = new ArrayList<>();
        if (input.isPresent() && input.get().fieldsDeclared()) {
            input.get().fields().stream().map(ModelField::name).filter(f -> binding.field(f).isPresent())
                    .forEach(order::add);
        }
        binding.fields().stream().map(FieldBinding::field).filter(f -> !order.contains(f)).forEach(order::add);
        List<Column> columns = new ArrayList<>();
        for (String field : order) {
            FieldBinding fb = binding.field(field).orElseThrow();
            int index = schema.indexOf(fb.attribute());
            if (index < 0) {
                throw ctx.failure(RunPhase.EXPORT, "AttributeMissing", "entity '" + schema.name() + "' has no"
                        + " attribute '" + fb.attribute() + "' any more, which field '" + field + "' of input '"
                        + binding.input() + "' is bound to. Its attributes: " + schema.attributeNames());
            }
            Attribute a = schema.attributes().get(index);
            DataType to = input.flatMap(i -> i.field(field)).map(ModelField::type).orElse(a.type());
            TypeCheck check = TypeLattice.check(a.type(), to, true);
            if (!check.allowed()) {
                throw ctx.failure(RunPhase.EXPORT, "TypeMismatch", "attribute '" + schema.name() + "."
                        + a.name() + "' (" + a.type() + ") cannot feed field '" + field + "' (" + to + "): "
                        + check.reason());
            }
            columns.add(new Column(field, a.name(), index, a.type(), to));
        }
        return columns;
    }

    /** The chunk manifest of one input. */
    static final class Manifest {
        public String input;
        public String entity;
        public List<String> columns;
        public List<Map<String, Object>> parts;
        public long rowCount;
        public long rejectedRows;
    }

    private static void writeManifest(RunContext ctx, InputBinding binding, List<String> names,
            List<StagingWriter.Part> parts, long exported, long rejected) {
        Manifest m = new Manifest();
        m.input = binding.input();
        m.entity = binding.entity();
        m.columns = names;
        m.parts = parts.stream().map(p -> Map.<String, Object>of("path", p.path(), "rows", p.rows(),
                "bytes", p.bytes())).toList();
        m.rowCount = exported;
        m.rejectedRows = rejected;
        ctx.lake().write(RunPaths.inputManifest(ctx.workflowId(), ctx.runId(), binding.input()), RunJson.write(m),
                WriteCondition.none());
    }
}
