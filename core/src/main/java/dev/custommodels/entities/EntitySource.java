package dev.custommodels.entities;

import dev.custommodels.models.EntitySchema;

/**
 * One entity of the host: its schema and a way to stream its rows. A source can be opened many times; each
 * cursor reads the rows from the start. Rows are streamed, never all held in memory.
 */
public interface EntitySource {

    /**
     * Returns the entity's schema.
     *
     * @return the schema
     */
    EntitySchema schema();

    /**
     * Opens a cursor over the rows.
     *
     * @return a new cursor; the caller closes it
     */
    RowCursor open();
}
