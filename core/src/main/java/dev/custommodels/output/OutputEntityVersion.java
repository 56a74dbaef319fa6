package dev.custommodels.output;

import dev.custommodels.models.EntitySchema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One committed version of an output entity: the results of one run.
 *
 * @param entityName the output entity
 * @param runId the run that wrote the version
 * @param generation the commit number within the entity, from 1; grows with every commit
 * @param rowCount the rows in the version
 * @param partitionPaths the lake paths of its CSV partitions, by partition number
 * @param schema its columns, lineage columns last; the primary key names the Customer ID attribute (a Customer ID
 *     may have several rows)
 * @param scoredAt when the run scored the rows
 * @param committedAt when the version was committed
 * @param modelReference the model that produced it, as {@link dev.custommodels.models.ModelReference#displayString()}
 */
public record OutputEntityVersion(String entityName, String runId, long generation, long rowCount,
        List<String> partitionPaths, EntitySchema schema, OffsetDateTime scoredAt, OffsetDateTime committedAt,
        String modelReference) {

    /**
     * Validates the version.
     *
     * @throws NullPointerException if a required part is missing
     */
    public OutputEntityVersion {
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(runId, "runId");
        partitionPaths = List.copyOf(partitionPaths);
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * Returns the Customer ID attribute.
     *
     * @return the attribute name rows are partitioned and indexed by
     */
    public String customerIdAttribute() {
        return schema.primaryKey();
    }
}
