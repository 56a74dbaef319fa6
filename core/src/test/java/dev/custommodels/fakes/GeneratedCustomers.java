package dev.custommodels.fakes;

import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.EntitySchema;
import java.util.NoSuchElementException;

/**
 * A Customer entity ({@link SampleEntities#CUSTOMER}) of N generated rows, the same in every process: row i has the
 * key {@code c<i>} (zero-padded), tenure {@code i % 72} months, charges {@code 20 + i % 100}, an e-mail address.
 * Every {@code badEvery}-th row carries the text {@code n/a} as its tenure, which does not convert to an integer.
 * Rows are made as they are read, never held.
 */
public final class GeneratedCustomers implements EntitySource {
    private final long rows;
    private final long badEvery;
    private final Runnable atRow;
    private final long atRowIndex;

    /**
     * Creates the entity.
     *
     * @param rows the number of rows
     * @param badEvery every how many rows one is bad, or 0 for none
     */
    public GeneratedCustomers(long rows, long badEvery) {
        this(rows, badEvery, -1, () -> { });
    }

    /**
     * Creates the entity with a hook that runs when a given row is read, such as a pause in a child process.
     *
     * @param rows the number of rows
     * @param badEvery every how many rows one is bad, or 0 for none
     * @param atRowIndex the zero-based row at which the hook runs
     * @param atRow the hook
     */
    public GeneratedCustomers(long rows, long badEvery, long atRowIndex, Runnable atRow) {
        this.rows = rows;
        this.badEvery = badEvery;
        this.atRowIndex = atRowIndex;
        this.atRow = atRow;
    }

    /**
     * Returns the key of a row.
     *
     * @param i the zero-based row
     * @return its key
     */
    public static String key(long i) {
        return String.format("c%08d", i);
    }

    @Override
    public EntitySchema schema() {
        return SampleEntities.CUSTOMER;
    }

    @Override
    public RowCursor open() {
        return new RowCursor() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Row next() {
                if (i >= rows) {
                    throw new NoSuchElementException();
                }
                if (i == atRowIndex) {
                    atRow.run();
                }
                long n = i++;
                Object tenure = badEvery > 0 && (n + 1) % badEvery == 0 ? "n/a" : Long.valueOf(n % 72);
                return new Row(SampleEntities.CUSTOMER, new Object[] {key(n), tenure, 20.0 + n % 100,
                        "user" + n + "@example.com"});
            }

            @Override
            public void close() {
            }
        };
    }
}
