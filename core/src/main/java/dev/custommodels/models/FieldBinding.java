package dev.custommodels.models;

import java.util.Objects;

/**
 * Binds one model input field to the entity attribute that feeds it.
 *
 * @param field the model field's name
 * @param entity the entity that holds the attribute, or {@code null} for the input's entity
 * @param attribute the attribute's name
 * @param confidence the mapping's confidence in [0, 1]; 1 for a pin
 * @param pinned whether the host chose this binding by hand
 */
public record FieldBinding(String field, String entity, String attribute, double confidence, boolean pinned) {

    /**
     * Validates the binding.
     *
     * @throws IllegalArgumentException if a name is blank or the confidence is outside [0, 1]
     * @param field the model field's name
     * @param entity the entity that holds the attribute, or {@code null} for the input's entity
     * @param attribute the attribute's name
     * @param confidence the mapping's confidence in [0, 1]; 1 for a pin
     * @param pinned whether the host chose this binding by hand
     */
    public FieldBinding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(attribute, "attribute");
        if (field.isBlank() || attribute.isBlank()) {
            throw new IllegalArgumentException("A field binding needs a field and an attribute name.");
        }
        if (entity != null && entity.isBlank()) {
            entity = null;
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException(
                    "The confidence of field '" + field + "' must be in [0, 1], was " + confidence + ".");
        }
    }

    /**
     * Creates a pinned binding from the input's entity.
     *
     * @param field the field
     * @param attribute the attribute
     * @return the binding
     */
    public static FieldBinding pin(String field, String attribute) {
        return new FieldBinding(field, null, attribute, 1.0, true);
    }
}
