package dev.custommodels.models;

import java.util.Objects;
import java.util.Optional;

/**
 * One typed column of an entity.
 *
 * @param name the attribute's name, unique within its entity
 * @param type the attribute's data type
 * @param displayName a human-friendly name, or {@code null} when the entity declares none
 */
public record Attribute(String name, DataType type, String displayName) {

    /**
     * Validates the attribute.
     *
     * @throws IllegalArgumentException if the name is blank
     * @throws NullPointerException if name or type is null
     * @param name the attribute's name, unique within its entity
     * @param type the attribute's data type
     * @param displayName a human-friendly name, or {@code null} when the entity declares none
     */
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An attribute name must not be blank.");
        }
        if (displayName != null && displayName.isBlank()) {
            displayName = null;
        }
    }

    /**
     * Creates an attribute without a display name.
     *
     * @param name the attribute's name
     * @param type the attribute's type
     * @return the attribute
     */
    public static Attribute of(String name, DataType type) {
        return new Attribute(name, type, null);
    }

    /**
     * Returns the display name if the entity declares one.
     *
     * @return the display name
     */
    public Optional<String> displayNameOptional() {
        return Optional.ofNullable(displayName);
    }
}
