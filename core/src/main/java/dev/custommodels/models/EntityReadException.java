package dev.custommodels.models;

/**
 * Rows of an entity cannot be read: a malformed CSV record, a header that does not match the schema, a failed
 * query. The message names the entity, the source (a file or a query) and, for files, the line.
 */
public final class EntityReadException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The entity's name. */
    private final String entity;
    /** What was read, such as a file name; never a connection string. */
    private final String source;
    /** The physical line (1-based) where the bad record starts, or -1 when not line-based. */
    private final long line;

    /**
     * Creates the exception.
     *
     * @param entity the entity's name
     * @param source what was read, such as a file name; never a connection string
     * @param line the physical line (1-based) where the bad record starts, or -1 when not line-based
     * @param detail what is wrong and what to do
     * @param cause the underlying error, or {@code null}
     */
    public EntityReadException(String entity, String source, long line, String detail, Throwable cause) {
        super("Entity '" + entity + "': cannot read " + source + (line > 0 ? " at line " + line : "") + ": "
                + detail, cause);
        this.entity = entity;
        this.source = source;
        this.line = line;
    }

    /**
     * Returns the entity's name.
     *
     * @return the entity
     */
    public String getEntity() {
        return entity;
    }

    /**
     * Returns what was read, such as the file.
     *
     * @return the source
     */
    public String getSource() {
        return source;
    }

    /**
     * Returns the physical line where the bad record starts.
     *
     * @return the 1-based line, or -1 when the source is not line-based
     */
    public long getLine() {
        return line;
    }
}
