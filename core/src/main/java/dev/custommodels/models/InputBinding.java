package dev.custommodels.models;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one model input to the entity that feeds it, field by field.
 *
 * @param input the model input's name
 * @param entity the entity whose rows become the input's rows
 * @param fields the field bindings; each field at most once
 */
public record InputBinding(String input, String entity, List<FieldBinding> fields) {

    /**
     * Validates the binding.
     *
     * @throws IllegalArgumentException if a name is blank or a field is bound twice
     * @param input the model input's name
     * @param entity the entity whose rows become the input's rows
     * @param fields the field bindings; each field at most once
     */
    public InputBinding {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(entity, "entity");
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (input.isBlank() || entity.isBlank()) {
            throw new IllegalArgumentException("An input binding needs an input and an entity name.");
        }
        Set<String> seen = new HashSet<>();
        for (FieldBinding f : fields) {
            if (!seen.add(f.field())) {
                throw new IllegalArgumentException(
                        "inputs[" + input + "].fields[" + f.field() + "] is bound twice.");
            }
        }
    }

    /**
     * Finds the binding of a field.
     *
     * @param field the field name
     * @return the binding, or empty when the field is not bound
     */
    public Optional<FieldBinding> field(String field) {
        return fields.stream().filter(f -> f.field().equals(field)).findFirst();
    }
}
