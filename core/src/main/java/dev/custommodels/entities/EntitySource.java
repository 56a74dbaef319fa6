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
     * Returns the entity's name without reading the schema.
     *
     * @return the name; by default the schema's
     */
    default String name() {
        return schema().name();
    }

    /**
     * Tells whether the entity can be read now. A source over another workflow's output entity is not available
     * until that workflow's first run commits; catalogs leave unavailable entities out of {@code schemas()}.
     *
     * @return {@code true} by default
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Opens a cursor over the rows.
     *
     * @return a new cursor; the caller closes it
     */
    RowCursor open();
}
