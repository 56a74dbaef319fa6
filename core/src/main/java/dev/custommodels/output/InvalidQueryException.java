package dev.custommodels.output;

import dev.custommodels.models.CustomModelsException;

/**
 * A query cannot run as written: its {@code $filter} is malformed, names an unknown attribute, compares values of
 * different types or is too complex, or its {@code $select} names an unknown attribute. This is the only exception
 * the filter parser throws, for any input.
 *
 * <p>Example messages:
 * <ul>
 * <li>{@code Malformed filter at position 9: expected a literal, an attribute or '(' but found ')'.}</li>
 * <li>{@code Unknown attribute 'Scor' at position 0. Entity 'Churn' has: [CustomerId, Score, RunId, ...].}</li>
 * <li>{@code Type mismatch at position 6: Score is a NUMBER attribute but 'x' is a string literal ...}</li>
 * </ul>
 */
public final class InvalidQueryException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** What is wrong. */
    private final QueryErrorKind kind;
    /** The zero-based character position in the filter, or -1 when not about a filter position. */
    private final int position;

    /**
     * Creates the exception.
     *
     * @param kind what is wrong
     * @param position the zero-based character position in the filter, or -1 when not about a filter position
     * @param message the full message, naming the position and what to do
     */
    public InvalidQueryException(QueryErrorKind kind, int position, String message) {
        super(message);
        this.kind = kind;
        this.position = position;
    }

    /**
     * Returns what is wrong.
     *
     * @return the kind
     */
    public QueryErrorKind getKind() {
        return kind;
    }

    /**
     * Returns where in the filter the problem is.
     *
     * @return the zero-based character position, or -1 when the problem is not at a filter position
     */
    public int getPosition() {
        return position;
    }
}
