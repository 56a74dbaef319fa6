package dev.custommodels.entities;

import java.util.Iterator;

/**
 * A forward-only stream of rows that holds a resource (a file, a result set) until closed.
 */
public interface RowCursor extends Iterator<Row>, AutoCloseable {

    /** Releases the resource; never throws a checked exception. */
    @Override
    void close();
}
