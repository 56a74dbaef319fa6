package dev.custommodels.models;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A saved workflow: a definition together with what it was saved against.
 *
 * @param id the workflow's id
 * @param definition what the host defined
 * @param contract the model contract the workflow was saved against, to detect drift
 * @param entitySchemas the schemas of the bound entities when the workflow was saved, to detect drift
 * @param etag the version of the stored workflow; updates must present it
 * @param createdAt when the workflow was created
 * @param updatedAt when it was last updated
 */
public record Workflow(String id, WorkflowDefinition definition, ServiceContract contract,
        List<EntitySchema> entitySchemas, String etag, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /**
     * Validates the workflow.
     *
     * @throws IllegalArgumentException if the id is blank
     * @param id the workflow's id
     * @param definition what the host defined
     * @param contract the model contract the workflow was saved against, to detect drift
     * @param entitySchemas the schemas of the bound entities when the workflow was saved, to detect drift
     * @param etag the version of the stored workflow; updates must present it
     * @param createdAt when the workflow was created
     * @param updatedAt when it was last updated
     */
    public Workflow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(contract, "contract");
        entitySchemas = List.copyOf(Objects.requireNonNull(entitySchemas, "entitySchemas"));
        if (id.isBlank()) {
            throw new IllegalArgumentException("A workflow id must not be blank.");
        }
    }

    /**
     * Returns the display name.
     *
     * @return the display name of the definition
     */
    public String displayName() {
        return definition.displayName();
    }

    /**
     * Returns the model reference.
     *
     * @return the model of the definition
     */
    public ModelReference model() {
        return definition.model();
    }
}
