package dev.custommodels.mapping;

import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's proposal for one model input: the entity that should feed it and, for every field, the attribute
 * that should feed the field (possibly from another entity when a whole catalog was searched), with the evidence.
 *
 * @param input the model input's name
 * @param entity the suggested entity: the one the host chose, or the entity that best explains the fields
 * @param fields one mapping per field, in the input's field order
 * @param entities every entity considered, best first, with its support
 */
public record MappingProposal(String input, String entity, List<FieldMapping> fields, List<EntityScore> entities) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param input the model input's name
     * @param entity the suggested entity: the one the host chose, or the entity that best explains the fields
     * @param fields one mapping per field, in the input's field order
     * @param entities every entity considered, best first, with its support
     */
    public MappingProposal {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(entity, "entity");
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        entities = List.copyOf(Objects.requireNonNull(entities, "entities"));
    }

    /**
     * Finds the mapping of a field.
     *
     * @param name the field's name
     * @return the mapping, or empty when the input has no such field
     */
    public Optional<FieldMapping> field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }

    /**
     * Returns the fields that have the given status.
     *
     * @param status the status
     * @return the mappings, in field order
     */
    public List<FieldMapping> fieldsWithStatus(MappingStatus status) {
        return fields.stream().filter(f -> f.status() == status).toList();
    }

    /**
     * Converts the proposal to a binding that keeps MAPPED and pinned fields only: NEEDS_REVIEW and UNMAPPED
     * fields stay unbound until a person decides.
     *
     * @return the binding
     */
    public InputBinding toInputBinding() {
        return toInputBinding(false);
    }

    /**
     * Converts the proposal to a binding. A field from another entity than {@link #entity()} keeps its entity in
     * its {@link FieldBinding}; one from the suggested entity has a {@code null} entity.
     *
     * @param acceptNeedsReview whether NEEDS_REVIEW fields are bound too (the host accepts the suggestions)
     * @return the binding
     */
    public InputBinding toInputBinding(boolean acceptNeedsReview) {
        List<FieldBinding> bound = new ArrayList<>();
        for (FieldMapping f : fields) {
            boolean take = f.status() == MappingStatus.MAPPED
                    || (acceptNeedsReview && f.status() == MappingStatus.NEEDS_REVIEW);
            if (take) {
                String e = f.target().entity().equals(entity) ? null : f.target().entity();
                bound.add(new FieldBinding(f.field(), e, f.target().attribute(), f.confidence(), f.pinned()));
            }
        }
        return new InputBinding(input, entity, bound);
    }

    /**
     * Converts several proposals (one per model input) to bindings, keeping MAPPED and pinned fields only.
     *
     * @param proposals the proposals
     * @return one binding per proposal, in order
     */
    public static List<InputBinding> toInputBindings(List<MappingProposal> proposals) {
        return proposals.stream().map(MappingProposal::toInputBinding).toList();
    }
}
