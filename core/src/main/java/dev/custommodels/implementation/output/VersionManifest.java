package dev.custommodels.implementation.output;

import dev.custommodels.models.Attribute;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything a reader needs to read one version: its schema, lineage and partitions. Immutable: a version's files
 * never change once committed, so readers cache this by {@link #manifestPath()}, which is unique per attempt.
 *
 * @param entityName the output entity
 * @param runId the run that wrote it
 * @param attempt the writer attempt
 * @param generation the manifest generation that committed it
 * @param attributes the columns in file order, lineage columns last
 * @param customerIdAttribute the column rows are partitioned and indexed by
 * @param rowCount the rows in the version
 * @param scoredAt when the run scored the rows
 * @param committedAt when the version was committed
 * @param modelReference the model, as a display string
 * @param indexInterval rows per index entry
 * @param partitions the partitions, by number
 * @param manifestPath the lake path of the version's own model.json
 */
public record VersionManifest(String entityName, String runId, String attempt, long generation,
        List<Attribute> attributes, String customerIdAttribute, long rowCount, OffsetDateTime scoredAt,
        OffsetDateTime committedAt, String modelReference, int indexInterval, List<PartitionInfo> partitions,
        String manifestPath) {

    /** Checks and copies. */
    public VersionManifest {
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(attempt, "attempt");
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(customerIdAttribute, "customerIdAttribute");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(manifestPath, "manifestPath");
    }

    /**
     * Returns the history entry of this version.
     *
     * @return the entry
     */
    public VersionEntry entry() {
        return new VersionEntry(runId, attempt, generation, rowCount, partitions.size(), scoredAt, committedAt,
                modelReference, manifestPath);
    }

    /**
     * Returns the position of a column.
     *
     * @param name the attribute name
     * @return the index, or -1
     */
    public int columnIndex(String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
