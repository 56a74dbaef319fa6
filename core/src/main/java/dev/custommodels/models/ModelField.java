package dev.custommodels.models;

import java.util.Objects;

/**
 * One typed field (column) of a model input or output.
 *
 * @param name the field name as the model declares it
 * @param type the field's type, mapped from the service's own type system
 * @param originalType the service's own type name (for example {@code "integer/int64"}), or {@code null}
 * @param required whether the model needs a value for this field
 */
public record ModelField(String name, DataType type, String originalType, boolean required) {

    /**
     * Validates the field.
     *
     * @throws IllegalArgumentException if the name is blank
     * @param name the field name as the model declares it
     * @param type the field's type, mapped from the service's own type system
     * @param originalType the service's own type name (for example {@code "integer/int64"}), or {@code null}
     * @param required whether the model needs a value for this field
     */
    public ModelField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A model field name must not be blank.");
        }
    }

    /**
     * Creates a required field without an original type name.
     *
     * @param name the name
     * @param type the type
     * @return the field
     */
    public static ModelField of(String name, DataType type) {
        return new ModelField(name, type, null, true);
    }
}
