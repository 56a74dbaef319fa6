package dev.custommodels.output;

import dev.custommodels.models.Attribute;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a query result: typed values of the selected attributes, in order.
 *
 * <p>A value is {@code null} or the Java type of its attribute: {@code String} (STRING), {@code Long} (INTEGER),
 * {@code Double} (NUMBER), {@code Boolean}, {@code LocalDate} (DATE) or {@code OffsetDateTime} in UTC (DATETIME).
 */
public final class OutputRow {
    private final List<Attribute> attributes;
    private final List<Object> values;

    /**
     * Creates a row.
     *
     * @param attributes the attributes, in order
     * @param values the values, in the same order; may hold nulls
     * @throws IllegalArgumentException if the sizes differ
     */
    public OutputRow(List<Attribute> attributes, List<?> values) {
        this.attributes = List.copyOf(attributes);
        this.values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
        if (this.values.size() != this.attributes.size()) {
            throw new IllegalArgumentException("A row of " + this.attributes.size() + " attributes needs as many "
                    + "values, got " + this.values.size() + ".");
        }
    }

    /**
     * Returns the attributes.
     *
     * @return the attributes, in order
     */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * Returns the values.
     *
     * @return the values, in attribute order
     */
    public List<Object> values() {
        return values;
    }

    /**
     * Returns a value by position.
     *
     * @param index the zero-based position
     * @return the value, possibly {@code null}
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public Object get(int index) {
        return values.get(index);
    }

    /**
     * Returns a value by attribute name.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if the row has no such attribute (it was not selected, or does not exist)
     */
    public Object get(String attribute) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(attribute)) {
                return values.get(i);
            }
        }
        throw new IllegalArgumentException("The row has no attribute '" + attribute + "'. It has: "
                + attributes.stream().map(Attribute::name).toList() + ".");
    }

    /**
     * Returns a STRING value.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if there is no such attribute
     * @throws ClassCastException if the attribute is not a STRING
     */
    public String getString(String attribute) {
        return (String) get(attribute);
    }

    /**
     * Returns an INTEGER value.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if there is no such attribute
     * @throws ClassCastException if the attribute is not an INTEGER
     */
    public Long getLong(String attribute) {
        return (Long) get(attribute);
    }

    /**
     * Returns a NUMBER value.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if there is no such attribute
     * @throws ClassCastException if the attribute is not a NUMBER
     */
    public Double getDouble(String attribute) {
        return (Double) get(attribute);
    }

    /**
     * Returns a BOOLEAN value.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if there is no such attribute
     * @throws ClassCastException if the attribute is not a BOOLEAN
     */
    public Boolean getBoolean(String attribute) {
        return (Boolean) get(attribute);
    }

    /**
     * Returns a DATE value.
     *
     * @param attribute the attribute's name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException if there is no such attribute
     * @throws ClassCastException if the attribute is not a DATE
     */
    public LocalDate getDate(String attribute) {
        return (LocalDate) get(attribute);
    }

    /**
     * Returns a DATETIME value.
     *
     * @param attribute the attribute's name
     * @return the value in UTC, possibly {@code null}
     * @throws IllegalArgumentException if there is no such attribute
     * @throws ClassCastException if the attribute is not a DATETIME
     */
    public OffsetDateTime getDateTime(String attribute) {
        return (OffsetDateTime) get(attribute);
    }

    /**
     * Returns the row as a map from attribute name to value, in attribute order.
     *
     * @return a new map; values may be {@code null}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            map.put(attributes.get(i).name(), values.get(i));
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputRow && ((OutputRow) o).attributes.equals(attributes)
                && ((OutputRow) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return 31 * attributes.hashCode() + values.hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
