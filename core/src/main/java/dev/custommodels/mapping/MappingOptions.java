package dev.custommodels.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of one proposal: the entity the host chose (if any) and the fields the host bound by hand (pins). Pins
 * always win: a pinned field gets its attribute with confidence 1, and no other field may take that attribute.
 */
public final class MappingOptions {
    private String entity;
    private final Map<String, AttributeRef> pins = new LinkedHashMap<>();

    /** Creates options with no entity and no pins. */
    public MappingOptions() {
    }

    /**
     * Restricts the proposal to one entity, chosen by the host.
     *
     * @param entityName the entity's name, or {@code null} to search the whole catalog
     * @return these options
     */
    public MappingOptions setEntity(String entityName) {
        this.entity = entityName;
        return this;
    }

    /**
     * Returns the entity the host chose.
     *
     * @return the entity's name, or {@code null} when the whole catalog is searched
     */
    public String getEntity() {
        return entity;
    }

    /**
     * Pins a field to an attribute.
     *
     * @param field the field's name
     * @param target the attribute; an entity of {@code null} means the input's entity (the chosen entity, or the
     *     only entity in the catalog with an attribute of that name)
     * @return these options
     * @throws NullPointerException if an argument is null
     */
    public MappingOptions pin(String field, AttributeRef target) {
        pins.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(target, "target"));
        return this;
    }

    /**
     * Pins a field to an attribute written {@code Entity.attribute} or {@code attribute}.
     *
     * @param field the field's name
     * @param target the attribute
     * @return these options
     * @throws IllegalArgumentException if the target is blank
     */
    public MappingOptions pin(String field, String target) {
        return pin(field, AttributeRef.parse(target));
    }

    /**
     * Returns the pins.
     *
     * @return the pins by field name, read-only
     */
    public Map<String, AttributeRef> getPins() {
        return Collections.unmodifiableMap(pins);
    }
}
