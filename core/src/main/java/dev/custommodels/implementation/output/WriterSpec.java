package dev.custommodels.implementation.output;

import dev.custommodels.models.EntitySchema;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What one writer writes.
 *
 * @param entityName the output entity
 * @param schema the result columns, Customer ID included
 * @param customerIdAttribute the Customer ID column
 * @param runId the run
 * @param modelReference the model, as a display string
 * @param scoredAt when the run scored the rows
 * @param retainedVersions how many versions to keep after this commit, or {@code null} for the client's setting
 */
public record WriterSpec(String entityName, EntitySchema schema, String customerIdAttribute, String runId,
        String modelReference, OffsetDateTime scoredAt, Integer retainedVersions) {

    /** Checks that the parts are present. */
    public WriterSpec {
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(customerIdAttribute, "customerIdAttribute");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(modelReference, "modelReference");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
