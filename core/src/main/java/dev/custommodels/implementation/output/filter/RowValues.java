package dev.custommodels.implementation.output.filter;

/** Typed column values of the row being tested. */
public interface RowValues {

    /**
     * Returns a column's value.
     *
     * @param column the zero-based column
     * @return the value, typed as {@link dev.custommodels.output.OutputRow} documents, or {@code null}
     */
    Object value(int column);
}
