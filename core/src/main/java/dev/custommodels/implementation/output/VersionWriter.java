package dev.custommodels.implementation.output;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.entities.Row;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.output.OutputConflictException;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes one version of an output entity: buffers and sorts rows (spilling to disk past a memory budget), writes
 * sorted partitions with their indexes, the version's own model.json, then swaps the entity's model.json with a
 * conditional write: if-match the ETag read at open, or create-only for the first version. Not thread-safe.
 */
public final class VersionWriter {
    /** The lineage column holding the run id. */
    public static final String RUN_ID = "RunId";
    /** The lineage column holding when the rows were scored. */
    public static final String SCORED_AT = "ScoredAt";
    /** The lineage column holding the model reference. */
    public static final String MODEL_REFERENCE = "ModelReference";

    private static final ClientLogger LOGGER = new ClientLogger(VersionWriter.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { OPEN, COMMITTING, COMMITTED, ABORTED, FAILED }

    private final OutputConfig config;
    private final LakeStore store;
    private final WriterSpec spec;
    private final List<Attribute> resultAttributes;
    private final List<Attribute> attributes;
    private final int customerIdColumn;
    private final String lineageSuffix;
    private final EntityManifest base;
    private final String baseEtag;
    private final String attempt;
    private final SortedRows rows;
    private final List<String> written = new ArrayList<>();
    private State state = State.OPEN;

    /**
     * Opens a writer: validates the names and reads the entity's current model.json.
     *
     * @param config the client's settings
     * @param spec what to write
     * @throws IllegalArgumentException naming an invalid entity name, attribute name, run id or Customer ID
     *     attribute
     */
    public VersionWriter(OutputConfig config, WriterSpec spec) {
        this.config = config;
        this.store = config.store();
        this.spec = spec;
        String entity = OutputNames.validateEntityName(spec.entityName());
        OutputNames.validateRunId(spec.runId());
        this.resultAttributes = spec.schema().attributes();
        resultAttributes.forEach(a -> OutputNames.validateAttributeName(entity, a.name()));
        this.customerIdColumn = customerIdColumn(spec);
        this.attributes = withLineage(entity, resultAttributes);
        this.lineageSuffix = lineageSuffix(spec);
        Optional<ConsistentRead> current = ConsistentRead.read(store, EntityPaths.manifest(entity));
        this.base = current.map(r -> ManifestCodec.decodeEntity(r.bytes(), EntityPaths.manifest(entity)))
                .orElse(null);
        this.baseEtag = current.map(ConsistentRead::etag).orElse(null);
        this.attempt = EntityPaths.attempt(base == null ? 0 : base.generation(), RANDOM.nextInt());
        this.rows = new SortedRows(config.sortBufferBytes(), config.spillDirectory());
        LOGGER.verbose("Opened writer {} for run {} of output entity {}", attempt, spec.runId(), entity);
    }

    /**
     * Returns the output entity.
     *
     * @return the entity name
     */
    public String entityName() {
        return spec.entityName();
    }

    /**
     * Returns the run.
     *
     * @return the run id
     */
    public String runId() {
        return spec.runId();
    }

    /**
     * Returns how many rows were written.
     *
     * @return the row count
     */
    public long rowCount() {
        return rows.size();
    }

    /**
     * Writes one row of result values, in schema order.
     *
     * @param values the values
     * @throws IllegalArgumentException if the row does not fit the schema; the row is not written and the writer
     *     stays open
     * @throws IllegalStateException if the writer is committed or aborted
     */
    public void write(Object[] values) {
        checkOpen("write a row");
        if (values == null || values.length != resultAttributes.size()) {
            throw new IllegalArgumentException("Row " + (rows.size() + 1) + " of run '" + spec.runId() + "' has "
                    + (values == null ? 0 : values.length) + " values; output entity '" + spec.entityName()
                    + "' takes " + resultAttributes.size() + " in this order: " + names(resultAttributes)
                    + ". The row was not written.");
        }
        StringBuilder line = new StringBuilder(128);
        String id = null;
        for (int i = 0; i < values.length; i++) {
            Attribute a = resultAttributes.get(i);
            String text;
            try {
                text = ValueCodec.format(a.type(), values[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Row " + (rows.size() + 1) + " of run '" + spec.runId()
                        + "': the value of attribute '" + a.name() + "' (" + a.type() + ") is not valid: "
                        + e.getMessage() + ". The row was not written.", e);
            }
            if (i == customerIdColumn) {
                id = text;
            }
            CsvLines.appendField(line, text, i == 0);
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("Row " + (rows.size() + 1) + " of run '" + spec.runId()
                    + "' has no Customer ID in attribute '" + spec.customerIdAttribute() + "'. Every output row "
                    + "must relate to a customer; the row was not written.");
        }
        line.append(lineageSuffix);
        rows.add(new SortedRows.Entry(CustomerIdHash.hash(id), id, line.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes one row, taking each result attribute's value by name.
     *
     * @param row the row; attributes it has beyond the schema are ignored
     * @throws IllegalArgumentException if the row lacks an attribute or a value does not fit
     */
    public void write(Row row) {
        Object[] values = new Object[resultAttributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(resultAttributes.get(i).name());
        }
        write(values);
    }

    /**
     * Commits the version.
     *
     * @return what was committed
     * @throws OutputConflictException if another version was committed since this writer opened
     * @throws IllegalStateException if the writer is committed or aborted
     */
    public Committed commit() {
        checkOpen("commit");
        state = State.COMMITTING;
        boolean swapAttempted = false;
        try {
            int partitionCount = config.partitionCount(rows.size());
            List<PartitionInfo> partitions = new PartitionWriter(config, spec.entityName(), spec.runId(),
                    attempt, written).write(rows.finish(), partitionCount);
            VersionManifest version = new VersionManifest(spec.entityName(), spec.runId(), attempt,
                    (base == null ? 0 : base.generation()) + 1, attributes, spec.customerIdAttribute(),
                    rows.size(), spec.scoredAt().withOffsetSameInstant(ZoneOffset.UTC),
                    OffsetDateTime.now(config.clock()).withOffsetSameInstant(ZoneOffset.UTC),
                    spec.modelReference(), config.indexInterval(), partitions,
                    EntityPaths.versionManifest(spec.entityName(), spec.runId(), attempt));
            store.write(version.manifestPath(), ManifestCodec.encode(version, null), WriteCondition.none());
            written.add(version.manifestPath());
            List<VersionEntry> retained = retained(version.entry());
            swapAttempted = true;
            String etag = swap(version, retained);
            state = State.COMMITTED;
            long deleted = VersionCleaner.clean(store, spec.entityName(), retained, version.generation());
            LOGGER.info("Committed version {} (run {}, {} rows, {} partitions) of output entity {}",
                    version.generation(), spec.runId(), rows.size(), partitionCount, spec.entityName());
            return new Committed(version, retained, etag, deleted);
        } catch (RuntimeException e) {
            if (state != State.COMMITTED) {
                state = State.FAILED;
                if (!swapAttempted || e instanceof OutputConflictException) {
                    deleteWritten();
                }
            }
            throw e;
        } finally {
            rows.close();
        }
    }

    /** Discards the version: deletes what was written and the spill files. Does nothing after a commit. */
    public void abort() {
        if (state == State.OPEN) {
            state = State.ABORTED;
            rows.close();
            deleteWritten();
        }
    }

    private String swap(VersionManifest version, List<VersionEntry> retained) {
        String path = EntityPaths.manifest(spec.entityName());
        WriteCondition condition = base == null ? WriteCondition.ifNotExists() : WriteCondition.ifMatch(baseEtag);
        try {
            return store.write(path, ManifestCodec.encode(version, retained), condition);
        } catch (LakeConditionFailedException e) {
            String detail = base == null ? "another writer created the entity after this writer opened"
                    : "another writer committed a version after this writer opened (it opened at generation "
                    + base.generation() + ")";
            LOGGER.warning("Commit of run {} to output entity {} lost: {}", spec.runId(), spec.entityName(), detail);
            throw new OutputConflictException(spec.entityName(), spec.runId(), detail, e);
        }
    }

    private List<VersionEntry> retained(VersionEntry entry) {
        int keep = spec.retainedVersions() != null ? spec.retainedVersions() : config.retainedVersions();
        List<VersionEntry> list = new ArrayList<>();
        list.add(entry);
        if (base != null) {
            for (VersionEntry v : base.versions()) {
                if (list.size() < keep && !v.runId().equals(entry.runId())) {
                    list.add(v);
                }
            }
        }
        return list;
    }

    private void deleteWritten() {
        for (String path : written) {
            try {
                store.delete(path);
            } catch (RuntimeException e) {
                LOGGER.verbose("Could not delete {}; the next commit removes it: {}", path, e.getMessage());
            }
        }
        written.clear();
    }

    private void checkOpen(String action) {
        if (state != State.OPEN) {
            throw new IllegalStateException("Cannot " + action + ": the writer of run '" + spec.runId()
                    + "' for output entity '" + spec.entityName() + "' is " + state.name().toLowerCase(Locale.ROOT)
                    + ". Open a new writer.");
        }
    }

    private static int customerIdColumn(WriterSpec spec) {
        List<Attribute> attrs = spec.schema().attributes();
        for (int i = 0; i < attrs.size(); i++) {
            if (attrs.get(i).name().equals(spec.customerIdAttribute())) {
                DataType type = attrs.get(i).type();
                if (type != DataType.STRING && type != DataType.INTEGER) {
                    throw new IllegalArgumentException("The Customer ID attribute '" + spec.customerIdAttribute()
                            + "' of output entity '" + spec.entityName() + "' is " + type + "; it must be STRING "
                            + "or INTEGER.");
                }
                return i;
            }
        }
        throw new IllegalArgumentException("The Customer ID attribute '" + spec.customerIdAttribute()
                + "' is not among the result attributes of output entity '" + spec.entityName() + "': "
                + names(attrs) + ".");
    }

    private static List<Attribute> withLineage(String entity, List<Attribute> result) {
        List<Attribute> all = new ArrayList<>();
        for (Attribute a : result) {
            for (String lineage : new String[] {RUN_ID, SCORED_AT, MODEL_REFERENCE}) {
                if (a.name().equalsIgnoreCase(lineage)) {
                    throw new IllegalArgumentException("The result attribute '" + a.name() + "' of output entity '"
                            + entity + "' clashes with the lineage column '" + lineage + "' every version carries; "
                            + "rename it in the result schema.");
                }
            }
            all.add(Attribute.of(a.name(), a.type()));
        }
        all.add(Attribute.of(RUN_ID, DataType.STRING));
        all.add(Attribute.of(SCORED_AT, DataType.DATETIME));
        all.add(Attribute.of(MODEL_REFERENCE, DataType.STRING));
        return all;
    }

    private static String lineageSuffix(WriterSpec spec) {
        StringBuilder b = new StringBuilder();
        CsvLines.appendField(b, spec.runId(), false);
        CsvLines.appendField(b, DateTimeFormatter.ISO_INSTANT.format(spec.scoredAt().toInstant()), false);
        CsvLines.appendField(b, spec.modelReference(), false);
        return b.append('\n').toString();
    }

    private static List<String> names(List<Attribute> attributes) {
        return attributes.stream().map(Attribute::name).toList();
    }

    /**
     * What a commit made visible.
     *
     * @param version the committed version
     * @param retained the versions kept, newest first
     * @param etag the ETag of the entity's new model.json
     * @param deletedFiles how many files the clean-up removed
     */
    public record Committed(VersionManifest version, List<VersionEntry> retained, String etag, long deletedFiles) {
    }

    /**
     * Peeks into the sorted rows; used by {@link PartitionWriter}.
     */
    static final class Peeking {
        private final Iterator<SortedRows.Entry> it;
        private SortedRows.Entry head;

        Peeking(Iterator<SortedRows.Entry> it) {
            this.it = it;
            this.head = it.hasNext() ? it.next() : null;
        }

        SortedRows.Entry peek() {
            return head;
        }

        SortedRows.Entry next() {
            SortedRows.Entry e = head;
            head = it.hasNext() ? it.next() : null;
            return e;
        }
    }
}
