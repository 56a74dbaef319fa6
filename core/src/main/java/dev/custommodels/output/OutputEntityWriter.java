package dev.custommodels.output;

import dev.custommodels.entities.Row;
import dev.custommodels.implementation.output.OutputModels;
import dev.custommodels.implementation.output.VersionWriter;

/**
 * Writes one run's results as a new version of an output entity. Obtain one from
 * {@link OutputEntityClient#openWriter(OutputWriterOptions)}, {@link #write(Object...)} the rows, then
 * {@link #commit()}; nothing is visible to readers before the commit, and after it the whole version is. Use from
 * one thread.
 *
 * <p>Rows are streamed: memory stays within the client's writer memory budget whatever the row count (sorted runs
 * spill to a temporary directory beyond it). Closing without committing aborts. A writer that dies before
 * committing leaves files behind; the entity's next commit removes them. Committing a run id again (a re-run
 * after a crash) writes the version afresh under a new attempt and replaces the earlier one, so rows are never
 * duplicated.
 */
public final class OutputEntityWriter implements AutoCloseable {
    private final VersionWriter delegate;

    OutputEntityWriter(VersionWriter delegate) {
        this.delegate = delegate;
    }

    /**
     * Returns the output entity.
     *
     * @return the entity name
     */
    public String getEntityName() {
        return delegate.entityName();
    }

    /**
     * Returns the run.
     *
     * @return the run id
     */
    public String getRunId() {
        return delegate.runId();
    }

    /**
     * Returns how many rows were written so far.
     *
     * @return the row count
     */
    public long getRowCount() {
        return delegate.rowCount();
    }

    /**
     * Writes one row: the result values in schema order. A value is {@code null} or fits its attribute's type:
     * STRING takes any value (its {@code toString()}); INTEGER whole numbers or their text; NUMBER finite numbers
     * or their text; BOOLEAN {@code Boolean} or {@code true/false/1/0}; DATE {@code LocalDate} or ISO text;
     * DATETIME {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Instant}, {@code LocalDateTime} (taken as
     * UTC) or ISO text. The Customer ID must be present.
     *
     * @param values the values
     * @throws IllegalArgumentException naming the row, attribute and value when the row does not fit; the row is
     *     not written and the writer stays usable (a caller may record the row as an error and go on)
     * @throws IllegalStateException if the writer was committed or aborted
     */
    public void write(Object... values) {
        delegate.write(values);
    }

    /**
     * Writes one row, taking each result attribute's value by name from an entity row.
     *
     * @param row the row; attributes beyond the schema are ignored
     * @throws IllegalArgumentException if the row lacks a result attribute or a value does not fit
     * @throws IllegalStateException if the writer was committed or aborted
     */
    public void write(Row row) {
        delegate.write(row);
    }

    /**
     * Makes the version visible: writes the partitions and their indexes, then swaps the entity's model.json by a
     * conditional write. Afterwards versions beyond the retained count, and files of abandoned writers, are
     * deleted.
     *
     * @return the committed version, the new model.json ETag and the retained runs
     * @throws OutputConflictException if another version was committed after this writer opened; nothing of this
     *     one is visible
     * @throws IllegalStateException if the writer was already committed or aborted
     */
    public OutputCommitResult commit() {
        return OutputModels.commit(delegate.commit());
    }

    /** Discards the version and deletes what was written. Does nothing after a commit. */
    public void abort() {
        delegate.abort();
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        delegate.abort();
    }
}
