package dev.custommodels.mapping;

import dev.custommodels.models.DataType;

/**
 * A value cannot be converted from an attribute's type to a field's type, for example the text {@code "n/a"} to
 * an integer or {@code 2.5} to an integer. The message says why; the run export records it in its error ledger.
 */
public final class ValueConversionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The attribute's type. */
    private final DataType from;
    /** The field's type. */
    private final DataType to;

    /**
     * Creates the exception.
     *
     * @param from the attribute's type
     * @param to the field's type
     * @param message why the value does not convert
     */
    public ValueConversionException(DataType from, DataType to, String message) {
        super(message);
        this.from = from;
        this.to = to;
    }

    /**
     * Returns the attribute's type.
     *
     * @return the type converted from
     */
    public DataType getFrom() {
        return from;
    }

    /**
     * Returns the field's type.
     *
     * @return the type converted to
     */
    public DataType getTo() {
        return to;
    }
}
