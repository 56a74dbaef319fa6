package dev.custommodels.models;

/**
 * The data types of entity attributes and model fields.
 *
 * <p>The set is closed: every backend's type system is mapped onto these six.
 */
public enum DataType {
    /** Text; accepts any value. */
    STRING,
    /** A 64-bit signed integer. */
    INTEGER,
    /** A floating-point or decimal number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A calendar date without time of day. */
    DATE,
    /** A date with time of day, with or without an offset. */
    DATETIME
}
