package dev.custommodels.models;

import java.util.List;
import java.util.Objects;

/**
 * One model input as a run sends it: which entity, which of its attributes under which column names, how many
 * rows.
 *
 * @param input the model input
 * @param entity the entity the rows come from
 * @param attributes the entity's attributes sent, in column order
 * @param columns the column names the model receives (its field names), in the same order
 * @param rowCount the number of rows
 */
public record TransferredInput(String input, String entity, List<String> attributes, List<String> columns,
        long rowCount) {

    /**
     * Checks required parts and copies the lists.
     *
     * @throws IllegalArgumentException if attributes and columns differ in length or the row count is negative
     * @param input the model input
     * @param entity the entity the rows come from
     * @param attributes the entity's attributes sent, in column order
     * @param columns the column names the model receives (its field names), in the same order
     * @param rowCount the number of rows
     */
    public TransferredInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(entity, "entity");
        attributes = List.copyOf(attributes);
        columns = List.copyOf(columns);
        if (attributes.size() != columns.size()) {
            throw new IllegalArgumentException("Input '" + input + "' sends " + attributes.size()
                    + " attributes as " + columns.size() + " columns; both lists must have the same length.");
        }
        if (rowCount < 0) {
            throw new IllegalArgumentException("A row count must not be negative, was " + rowCount + ".");
        }
    }
}
