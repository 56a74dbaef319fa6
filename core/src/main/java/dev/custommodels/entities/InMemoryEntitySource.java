package dev.custommodels.entities;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.EntitySchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An entity whose rows are held in memory: for tests, samples and small reference tables.
 *
 * <p>Each value is {@code null}, raw text ({@code String}), or the Java type of its attribute's data type as
 * {@link Row} describes; {@code Integer}, {@code Short} and {@code Byte} are widened to {@code Long} and
 * {@code Float} to {@code Double}.
 */
public final class InMemoryEntitySource implements EntitySource {
    private final EntitySchema schema;
    private final List<Object[]> rows;

    private InMemoryEntitySource(EntitySchema schema, List<Object[]> rows) {
        this.schema = schema;
        this.rows = rows;
    }

    /**
     * Creates a source from rows given in the schema's column order.
     *
     * @param schema the entity's schema
     * @param rows the rows; each is copied and checked
     * @return the source
     * @throws IllegalArgumentException if a row has the wrong number of values or a value of the wrong type,
     *     naming the row and attribute
     */
    public static InMemoryEntitySource of(EntitySchema schema, List<Object[]> rows) {
        Builder builder = builder(schema);
        Objects.requireNonNull(rows, "rows").forEach(builder::addRow);
        return builder.build();
    }

    /**
     * Starts a builder.
     *
     * @param schema the entity's schema
     * @return the builder
     */
    public static Builder builder(EntitySchema schema) {
        return new Builder(schema);
    }

    @Override
    public EntitySchema schema() {
        return schema;
    }

    /**
     * Returns the number of rows.
     *
     * @return the row count
     */
    public int size() {
        return rows.size();
    }

    @Override
    public RowCursor open() {
        Iterator<Object[]> it = rows.iterator();
        return new RowCursor() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                return !closed && it.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("No more rows in entity '" + schema.name() + "'.");
                }
                return new Row(schema, it.next().clone());
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public String toString() {
        return "InMemoryEntitySource{" + schema.name() + ", " + rows.size() + " rows}";
    }

    /** Collects rows for an {@link InMemoryEntitySource}. Not thread-safe. */
    public static final class Builder {
        private final EntitySchema schema;
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(EntitySchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /**
         * Adds a row.
         *
         * @param values the values in the schema's column order
         * @return this builder
         * @throws IllegalArgumentException if the number or a type of the values is wrong
         */
        public Builder addRow(Object... values) {
            Objects.requireNonNull(values, "values");
            int n = schema.attributes().size();
            if (values.length != n) {
                throw new IllegalArgumentException("Row " + rows.size() + " of entity '" + schema.name()
                        + "' has " + values.length + " values; the schema has " + n + " attributes "
                        + schema.attributeNames() + ".");
            }
            Object[] copy = new Object[n];
            for (int i = 0; i < n; i++) {
                copy[i] = normalise(schema.attributes().get(i), values[i]);
            }
            rows.add(copy);
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source, holding a copy of the rows added so far
         */
        public InMemoryEntitySource build() {
            return new InMemoryEntitySource(schema, List.copyOf(rows));
        }

        private Object normalise(Attribute attribute, Object value) {
            if (value == null || value instanceof String) {
                return value;
            }
            switch (attribute.type()) {
                case INTEGER:
                    if (value instanceof Long) {
                        return value;
                    }
                    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                        return ((Number) value).longValue();
                    }
                    break;
                case NUMBER:
                    if (value instanceof Double || value instanceof BigDecimal) {
                        return value;
                    }
                    if (value instanceof Float) {
                        return ((Float) value).doubleValue();
                    }
                    break;
                case BOOLEAN:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    break;
                case DATE:
                    if (value instanceof LocalDate) {
                        return value;
                    }
                    break;
                case DATETIME:
                    if (value instanceof OffsetDateTime || value instanceof LocalDateTime) {
                        return value;
                    }
                    break;
                default:
                    break;
            }
            throw new IllegalArgumentException("Row " + rows.size() + " of entity '" + schema.name()
                    + "': attribute '" + attribute.name() + "' is " + attribute.type() + " but the value is a "
                    + value.getClass().getName() + ".");
        }
    }
}
