package dev.custommodels.implementation.refresh;

import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.Workflow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the refresh planner needs to know of a workflow: its id, a name for messages, the entities it reads and
 * the entity it writes.
 *
 * @param id the workflow id
 * @param displayName the display name, for messages
 * @param inputEntities the names of the entities it reads, without repeats
 * @param outputEntity the name of the entity it writes
 */
public record WorkflowNode(String id, String displayName, List<String> inputEntities, String outputEntity) {

    /**
     * Validates the node.
     *
     * @throws IllegalArgumentException if the id or output entity is blank
     */
    public WorkflowNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outputEntity, "outputEntity");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        inputEntities = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(inputEntities, "inputEntities")));
        if (id.isBlank() || outputEntity.isBlank()) {
            throw new IllegalArgumentException("A workflow node needs an id and an output entity; got id '" + id
                    + "', output entity '" + outputEntity + "'.");
        }
    }

    /**
     * Describes a saved workflow: it reads the entity of every input binding and every entity a field binding
     * names, and writes its output entity.
     *
     * @param workflow the workflow
     * @return the node
     */
    public static WorkflowNode of(Workflow workflow) {
        Set<String> inputs = new LinkedHashSet<>();
        for (InputBinding binding : workflow.definition().inputs()) {
            inputs.add(binding.entity());
            for (FieldBinding field : binding.fields()) {
                if (field.entity() != null) {
                    inputs.add(field.entity());
                }
            }
        }
        return new WorkflowNode(workflow.id(), workflow.displayName(), List.copyOf(inputs),
                workflow.definition().output().entityName());
    }

    /**
     * Returns how messages name this workflow: {@code 'Display name' (id)}, or {@code 'id'} when both are equal.
     *
     * @return the label
     */
    public String label() {
        return displayName.equals(id) ? "'" + id + "'" : "'" + displayName + "' (" + id + ")";
    }
}
