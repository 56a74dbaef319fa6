package dev.custommodels.models;

/**
 * The row counts of a run.
 *
 * @param exportedRows rows exported to the model, over all inputs
 * @param rejectedRows entity rows that could not be converted to the model's types; each is in the run's error
 *     ledger
 * @param resultRows rows of the model's output
 * @param committedRows rows committed to the output entity
 * @param skippedResultRows result rows not committed because they had no Customer ID; each is in the error ledger
 */
public record RunCounts(long exportedRows, long rejectedRows, long resultRows, long committedRows,
        long skippedResultRows) {

    /** No rows yet. */
    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     * @param exportedRows rows exported to the model, over all inputs
     * @param rejectedRows entity rows that could not be converted to the model's types; each is in the run's error
     *     ledger
     * @param resultRows rows of the model's output
     * @param committedRows rows committed to the output entity
     * @param skippedResultRows result rows not committed because they had no Customer ID; each is in the error ledger
     */
    public RunCounts {
        if (exportedRows < 0 || rejectedRows < 0 || resultRows < 0 || committedRows < 0 || skippedResultRows < 0) {
            throw new IllegalArgumentException("Run counts must not be negative.");
        }
    }
}
