package dev.custommodels.mapping;

import java.util.Objects;

/**
 * Names one attribute of one entity, written {@code Entity.attribute}.
 *
 * @param entity the entity's name, or {@code null} for "the input's entity" (allowed in pins only)
 * @param attribute the attribute's name
 */
public record AttributeRef(String entity, String attribute) {

    /**
     * Validates the reference.
     *
     * @throws IllegalArgumentException if the attribute is blank or the entity is blank but not null
     * @throws NullPointerException if the attribute is null
     * @param entity the entity's name, or {@code null} for "the input's entity" (allowed in pins only)
     * @param attribute the attribute's name
     */
    public AttributeRef {
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("An attribute reference needs an attribute name.");
        }
        if (entity != null && entity.isBlank()) {
            throw new IllegalArgumentException("The entity of attribute '" + attribute + "' is blank; use null for "
                    + "the input's entity.");
        }
    }

    /**
     * Creates a reference.
     *
     * @param entity the entity, or {@code null} for the input's entity
     * @param attribute the attribute
     * @return the reference
     */
    public static AttributeRef of(String entity, String attribute) {
        return new AttributeRef(entity, attribute);
    }

    /**
     * Parses {@code Entity.attribute}, or a bare {@code attribute} meaning the input's entity. The entity is
     * everything before the first dot.
     *
     * @param text the text
     * @return the reference
     * @throws IllegalArgumentException if a part is blank
     */
    public static AttributeRef parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new AttributeRef(null, text);
        }
        if (dot == 0) {
            throw new IllegalArgumentException("'" + text + "' has no entity before the dot; write Entity.attribute "
                    + "or just attribute.");
        }
        return new AttributeRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return entity == null ? attribute : entity + "." + attribute;
    }
}
