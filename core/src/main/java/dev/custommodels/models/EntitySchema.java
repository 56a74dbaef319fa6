package dev.custommodels.models;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of an entity: its name, its typed attributes in order, and its primary key.
 *
 * @param name the entity's name, such as {@code Customer}
 * @param attributes the attributes in column order; names are unique, ignoring case
 * @param primaryKey the name of the attribute that identifies a row
 */
public record EntitySchema(String name, List<Attribute> attributes, String primaryKey) {

    /**
     * Validates the schema.
     *
     * @throws IllegalArgumentException if the name is blank, there are no attributes, two attributes share a
     *     name, or the primary key is not one of the attributes
     * @param name the entity's name, such as {@code Customer}
     * @param attributes the attributes in column order; names are unique, ignoring case
     * @param primaryKey the name of the attribute that identifies a row
     */
    public EntitySchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryKey, "primaryKey");
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("An entity name must not be blank.");
        }
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("Entity '" + name + "' has no attributes.");
        }
        Set<String> seen = new HashSet<>();
        for (Attribute a : attributes) {
            if (!seen.add(a.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "Entity '" + name + "' has two attributes named '" + a.name() + "'.");
            }
        }
        String key = primaryKey;
        if (attributes.stream().noneMatch(a -> a.name().equals(key))) {
            throw new IllegalArgumentException("The primary key '" + primaryKey + "' of entity '" + name
                    + "' is not one of its attributes " + attributes.stream().map(Attribute::name).toList() + ".");
        }
    }

    /**
     * Finds an attribute by exact name.
     *
     * @param attributeName the name
     * @return the attribute, or empty
     */
    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /**
     * Returns the position of an attribute in column order.
     *
     * @param attributeName the name
     * @return the zero-based index, or -1 if there is no such attribute
     */
    public int indexOf(String attributeName) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(attributeName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the attribute names in column order.
     *
     * @return the names
     */
    public List<String> attributeNames() {
        return attributes.stream().map(Attribute::name).toList();
    }
}
