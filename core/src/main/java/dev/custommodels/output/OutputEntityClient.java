package dev.custommodels.output;

import com.azure.core.http.rest.PagedIterable;
import dev.custommodels.implementation.output.EntityPaths;
import dev.custommodels.implementation.output.EntityReader;
import dev.custommodels.implementation.output.OutputConfig;
import dev.custommodels.implementation.output.OutputModels;
import dev.custommodels.implementation.output.OutputNames;
import dev.custommodels.implementation.output.QueryRunner;
import dev.custommodels.implementation.output.VersionEntry;
import dev.custommodels.implementation.output.VersionManifest;
import dev.custommodels.implementation.output.VersionWriter;
import dev.custommodels.implementation.output.WriterSpec;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelReference;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes and reads output entities in a lake. Build one with {@link OutputEntityClientBuilder}. Final and
 * thread-safe; many clients, in many processes, may share one lake: commits are serialised by the lake's
 * conditional writes, and readers never see a partial version.
 *
 * <p>Lake layout, in the Common Data Model folder format that Customer Insights, Power BI dataflows and Synapse
 * read:
 * <pre>
 * entities/&lt;Entity&gt;/model.json                            the current version, and the retained versions
 * entities/&lt;Entity&gt;/v/&lt;runId&gt;/model-&lt;attempt&gt;.json          one version's own model.json
 * entities/&lt;Entity&gt;/v/&lt;runId&gt;/part-NNNNN-&lt;attempt&gt;.csv      its partitions (no header row)
 * entities/&lt;Entity&gt;/v/&lt;runId&gt;/part-NNNNN-&lt;attempt&gt;.idx      each partition's Customer ID index
 * </pre>
 *
 * <p>Rows are placed by a stable hash of the Customer ID (MurmurHash3 x86 32-bit of its UTF-8 text): partition
 * {@code (hash * partitionCount) >>> 32}, and within a partition sorted by (hash, Customer ID). The partition
 * count is chosen at commit from the row count (one per {@link OutputEntityClientBuilder#targetRowsPerPartition
 * target rows}, at most 1,024), which the sort makes possible without re-hashing. Every 32nd row of a partition
 * has an entry (hash, byte offset) in the index beside it, so a lookup by Customer ID reads one partition's index
 * (cached per version) and a block of about 32 rows.
 */
public final class OutputEntityClient {
    /** The lineage column holding the run id of each row's version. */
    public static final String RUN_ID_ATTRIBUTE = VersionWriter.RUN_ID;
    /** The lineage column holding when each row was scored. */
    public static final String SCORED_AT_ATTRIBUTE = VersionWriter.SCORED_AT;
    /** The lineage column holding the model that scored each row. */
    public static final String MODEL_REFERENCE_ATTRIBUTE = VersionWriter.MODEL_REFERENCE;

    private final OutputConfig config;
    private final EntityReader reader;
    private final QueryRunner queries;

    OutputEntityClient(OutputConfig config) {
        this.config = config;
        this.reader = new EntityReader(config.store(), config.indexCacheEntries());
        this.queries = new QueryRunner(reader);
    }

    /**
     * Checks an output entity name: 1 to 256 characters (the Common Data Model limit) without path characters
     * ({@code / \ : * ? < > |}), dots, double quotes, control characters, or leading or trailing white space.
     * Useful to validate a workflow's output settings before any run.
     *
     * @param entityName the name
     * @return the name
     * @throws IllegalArgumentException naming the name and what is wrong with it
     */
    public static String validateEntityName(String entityName) {
        return OutputNames.validateEntityName(entityName);
    }

    /**
     * Opens a writer for a new version.
     *
     * @param entityName the output entity
     * @param schema the result columns, Customer ID included
     * @param customerIdAttribute the Customer ID column
     * @param runId the run
     * @param modelReference the model
     * @param scoredAt when the rows were scored
     * @return the writer
     * @throws IllegalArgumentException naming an invalid entity name, attribute name, run id or Customer ID
     *     attribute
     */
    public OutputEntityWriter openWriter(String entityName, EntitySchema schema, String customerIdAttribute,
            String runId, ModelReference modelReference, OffsetDateTime scoredAt) {
        return openWriter(new OutputWriterOptions(entityName, schema, customerIdAttribute, runId, modelReference,
                scoredAt));
    }

    /**
     * Opens a writer for a new version. The writer reads the entity's model.json now; its commit succeeds only if
     * no other version is committed in between.
     *
     * @param options what to write
     * @return the writer
     * @throws IllegalArgumentException naming an invalid entity name, attribute name, run id or Customer ID
     *     attribute
     */
    public OutputEntityWriter openWriter(OutputWriterOptions options) {
        Objects.requireNonNull(options, "options");
        return new OutputEntityWriter(new VersionWriter(config, new WriterSpec(options.getEntityName(),
                options.getSchema(), options.getCustomerIdAttribute(), options.getRunId(),
                options.getModelReference().displayString(), options.getScoredAt(),
                options.getRetainedVersions())));
    }

    /**
     * Queries an output entity.
     *
     * @param entityName the output entity
     * @param options the filter, selection, limit, version and page size; {@code null} reads everything
     * @return the matching rows, read page by page as iterated; all pages come from one version
     * @throws InvalidQueryException if the filter or selection is not valid for the version's attributes
     * @throws OutputEntityNotFoundException if there is no such entity, or no retained version of the run asked
     * @throws IllegalArgumentException if the entity name is not valid
     */
    public PagedIterable<OutputRow> query(String entityName, OutputQueryOptions options) {
        return queries.query(entityName, options);
    }

    /**
     * Queries the current version of an output entity with a filter.
     *
     * @param entityName the output entity
     * @param filter an OData-style filter such as {@code CustomerId eq '5f0c'}, or {@code null} for every row
     * @return the matching rows
     * @throws InvalidQueryException if the filter is not valid for the entity's attributes
     * @throws OutputEntityNotFoundException if there is no such entity
     */
    public PagedIterable<OutputRow> query(String entityName, String filter) {
        return query(entityName, new OutputQueryOptions().setFilter(filter));
    }

    /**
     * Describes the current version of an output entity.
     *
     * @param entityName the output entity
     * @return the version
     * @throws OutputEntityNotFoundException if there is no such entity
     */
    public OutputEntityVersion getCurrentVersion(String entityName) {
        OutputNames.validateEntityName(entityName);
        return OutputModels.version(reader.require(entityName).manifest().current());
    }

    /**
     * Finds the retained version a run wrote; the run orchestration uses this to learn whether a run's commit
     * landed before a crash.
     *
     * @param entityName the output entity
     * @param runId the run
     * @return the version, or empty if the entity does not exist or retains no version of that run
     */
    public Optional<OutputEntityVersion> findVersion(String entityName, String runId) {
        OutputNames.validateEntityName(entityName);
        return reader.current(entityName).flatMap(s -> s.manifest().version(runId)).map(this::describe);
    }

    /**
     * Lists the retained versions of an output entity, newest first.
     *
     * @param entityName the output entity
     * @return the versions; the first is the current one
     * @throws OutputEntityNotFoundException if there is no such entity
     */
    public List<OutputEntityVersion> listVersions(String entityName) {
        OutputNames.validateEntityName(entityName);
        List<OutputEntityVersion> list = new ArrayList<>();
        for (VersionEntry e : reader.require(entityName).manifest().versions()) {
            try {
                list.add(describe(e));
            } catch (OutputEntityNotFoundException deletedMeanwhile) {
                // a concurrent commit dropped it; it is no longer retained
            }
        }
        return list;
    }

    /**
     * Deletes an output entity and every version of it. Readers in flight may fail; writers open on it will
     * conflict or recreate it.
     *
     * @param entityName the output entity
     * @return {@code true} if it existed
     */
    public boolean deleteEntity(String entityName) {
        OutputNames.validateEntityName(entityName);
        boolean existed = config.store().delete(EntityPaths.manifest(entityName));
        long files = config.store().deletePrefix(EntityPaths.folder(entityName));
        return existed || files > 0;
    }

    private OutputEntityVersion describe(VersionEntry entry) {
        VersionManifest v = reader.version(entry);
        return OutputModels.version(v);
    }

    /**
     * Returns an output entity as an entity source, to feed another workflow with this entity's results.
     *
     * @param entityName the output entity
     * @return the source; its schema is read from the current version when asked
     * @throws IllegalArgumentException if the name is not valid
     */
    public EntitySource asEntitySource(String entityName) {
        return new OutputEntitySource(this, entityName);
    }
}
