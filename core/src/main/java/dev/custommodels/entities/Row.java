package dev.custommodels.entities;

import dev.custommodels.models.EntitySchema;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of an entity: values in the schema's column order.
 *
 * <p>A value is {@code null}, the Java type of its attribute's data type ({@code String}, {@code Long},
 * {@code Double} or {@code java.math.BigDecimal}, {@code Boolean}, {@code java.time.LocalDate},
 * {@code java.time.OffsetDateTime} or {@code java.time.LocalDateTime}), or the raw {@code String} text of a
 * source that reads text (a CSV file); the export converts raw text and records what cannot be converted.
 */
public final class Row {
    private final EntitySchema schema;
    private final Object[] values;

    /**
     * Creates a row.
     *
     * @param schema the entity's schema
     * @param values the values in column order; the array is not copied, so it must not be changed afterwards
     * @throws IllegalArgumentException if the number of values differs from the number of attributes
     */
    public Row(EntitySchema schema, Object[] values) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != schema.attributes().size()) {
            throw new IllegalArgumentException("A row of entity '" + schema.name() + "' needs "
                    + schema.attributes().size() + " values, got " + values.length + ".");
        }
    }

    /**
     * Returns the schema.
     *
     * @return the entity's schema
     */
    public EntitySchema schema() {
        return schema;
    }

    /**
     * Returns a value by column index.
     *
     * @param index the zero-based column
     * @return the value, possibly {@code null}
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * Returns a value by attribute name.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if the entity has no such attribute
     */
    public Object get(String attribute) {
        int i = schema.indexOf(attribute);
        if (i < 0) {
            throw new IllegalArgumentException("Entity '" + schema.name() + "' has no attribute '" + attribute
                    + "'. Attributes: " + schema.attributeNames() + ".");
        }
        return values[i];
    }

    /**
     * Returns the primary key's value.
     *
     * @return the key, possibly {@code null}
     */
    public Object key() {
        return get(schema.primaryKey());
    }

    /**
     * Returns the number of values.
     *
     * @return the column count
     */
    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return schema.name() + Arrays.toString(values);
    }
}
