package dev.custommodels.output;

import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelReference;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What an {@link OutputEntityWriter} writes: one run's results for one output entity.
 *
 * <p>The schema lists the result columns in the order {@link OutputEntityWriter#write(Object...)} takes them, the
 * Customer ID column included. Every version also carries three lineage columns, appended after the result
 * columns: {@value OutputEntityClient#RUN_ID_ATTRIBUTE} (STRING), {@value OutputEntityClient#SCORED_AT_ATTRIBUTE}
 * (DATETIME) and {@value OutputEntityClient#MODEL_REFERENCE_ATTRIBUTE} (STRING); a result column must not use
 * those names.
 */
public final class OutputWriterOptions {
    private final String entityName;
    private final EntitySchema schema;
    private final String customerIdAttribute;
    private final String runId;
    private final ModelReference modelReference;
    private final OffsetDateTime scoredAt;
    private Integer retainedVersions;

    /**
     * Creates the options.
     *
     * @param entityName the output entity, such as {@code ChurnScores}
     * @param schema the result columns, Customer ID included
     * @param customerIdAttribute the result column that holds the Customer ID (STRING or INTEGER)
     * @param runId the run writing the version; a run id names one version, and a second commit with the same run
     *     id replaces it
     * @param modelReference the model that produced the results
     * @param scoredAt when the results were scored
     * @throws NullPointerException if an argument is null
     */
    public OutputWriterOptions(String entityName, EntitySchema schema, String customerIdAttribute, String runId,
            ModelReference modelReference, OffsetDateTime scoredAt) {
        this.entityName = Objects.requireNonNull(entityName, "entityName");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.customerIdAttribute = Objects.requireNonNull(customerIdAttribute, "customerIdAttribute");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.modelReference = Objects.requireNonNull(modelReference, "modelReference");
        this.scoredAt = Objects.requireNonNull(scoredAt, "scoredAt");
    }

    /**
     * Returns the output entity.
     *
     * @return the entity name
     */
    public String getEntityName() {
        return entityName;
    }

    /**
     * Returns the result columns.
     *
     * @return the schema
     */
    public EntitySchema getSchema() {
        return schema;
    }

    /**
     * Returns the Customer ID column.
     *
     * @return the attribute name
     */
    public String getCustomerIdAttribute() {
        return customerIdAttribute;
    }

    /**
     * Returns the run.
     *
     * @return the run id
     */
    public String getRunId() {
        return runId;
    }

    /**
     * Returns the model.
     *
     * @return the model reference
     */
    public ModelReference getModelReference() {
        return modelReference;
    }

    /**
     * Returns when the results were scored.
     *
     * @return the time
     */
    public OffsetDateTime getScoredAt() {
        return scoredAt;
    }

    /**
     * Returns how many versions this commit keeps.
     *
     * @return the count, or {@code null} for the client's setting
     */
    public Integer getRetainedVersions() {
        return retainedVersions;
    }

    /**
     * Sets how many versions the entity keeps after this commit, this one included; older ones are deleted.
     *
     * @param retainedVersions one or more, or {@code null} for the client's setting
     * @return these options
     * @throws IllegalArgumentException if the count is less than one
     */
    public OutputWriterOptions setRetainedVersions(Integer retainedVersions) {
        if (retainedVersions != null && retainedVersions < 1) {
            throw new IllegalArgumentException("At least one version must be retained, got " + retainedVersions
                    + ".");
        }
        this.retainedVersions = retainedVersions;
        return this;
    }
}
