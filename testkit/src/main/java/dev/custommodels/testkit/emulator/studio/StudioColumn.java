package dev.custommodels.testkit.emulator.studio;

import java.util.Objects;

/**
 * A column of an emulated web service's input or output, typed as its swagger document declares it.
 *
 * @param name the column name
 * @param type the swagger type: {@code string}, {@code integer}, {@code number}, {@code boolean}, or anything else
 *     to emulate a type clients cannot map
 * @param format the swagger format, such as {@code int32}, {@code double} or {@code date-time}, or {@code null}
 * @param required whether the column is in the item's {@code required} list
 */
public record StudioColumn(String name, String type, String format, boolean required) {

    /**
     * Checks the name and type.
     *
     * @param name the column name
     * @param type the swagger type: {@code string}, {@code integer}, {@code number}, {@code boolean}, or anything else
     *     to emulate a type clients cannot map
     * @param format the swagger format, such as {@code int32}, {@code double} or {@code date-time}, or {@code null}
     * @param required whether the column is in the item's {@code required} list
     */
    public StudioColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A required column of any type and format.
     *
     * @param name the name
     * @param type the swagger type
     * @param format the swagger format, or {@code null}
     * @return the column
     */
    public static StudioColumn of(String name, String type, String format) {
        return new StudioColumn(name, type, format, true);
    }

    /**
     * A string column.
     *
     * @param name the name
     * @return the column
     */
    public static StudioColumn string(String name) {
        return of(name, "string", null);
    }

    /**
     * An {@code integer/int32} column.
     *
     * @param name the name
     * @return the column
     */
    public static StudioColumn integer(String name) {
        return of(name, "integer", "int32");
    }

    /**
     * An {@code integer/int64} column.
     *
     * @param name the name
     * @return the column
     */
    public static StudioColumn int64(String name) {
        return of(name, "integer", "int64");
    }

    /**
     * A {@code number/double} column.
     *
     * @param name the name
     * @return the column
     */
    public static StudioColumn number(String name) {
        return of(name, "number", "double");
    }

    /**
     * A boolean column.
     *
     * @param name the name
     * @return the column
     */
    public static StudioColumn bool(String name) {
        return of(name, "boolean", null);
    }

    /**
     * A {@code string/date-time} column.
     *
     * @param name the name
     * @return the column
     */
    public static StudioColumn dateTime(String name) {
        return of(name, "string", "date-time");
    }

    /**
     * Returns this column, not required.
     *
     * @return the copy
     */
    public StudioColumn optional() {
        return new StudioColumn(name, type, format, false);
    }
}
