package dev.custommodels.implementation.output.filter;

/** A compiled filter. */
@FunctionalInterface
public interface RowPredicate {
    /** Matches every row. */
    RowPredicate ALL = row -> true;

    /**
     * Tests a row.
     *
     * @param row the row's values
     * @return whether the row matches
     */
    boolean test(RowValues row);
}
