package dev.custommodels.mapping;

import dev.custommodels.implementation.mapping.ValueConverter;
import dev.custommodels.mapping.TypeCheck.Verdict;
import dev.custommodels.models.DataType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which attribute types may feed which field types, and the conversion of values along those edges. The lattice
 * is one-way: the attribute (source) feeds the field (target).
 *
 * <table>
 * <caption>attribute type (row) feeding field type (column)</caption>
 * <tr><th></th><th>string</th><th>integer</th><th>number</th><th>boolean</th><th>date</th><th>datetime</th></tr>
 * <tr><td>string</td><td>OK</td><td>VETO*</td><td>VETO*</td><td>VETO</td><td>VETO</td><td>VETO</td></tr>
 * <tr><td>integer</td><td>OK</td><td>OK</td><td>OK</td><td>WARN</td><td>VETO</td><td>VETO</td></tr>
 * <tr><td>number</td><td>OK</td><td>WARN</td><td>OK</td><td>VETO</td><td>VETO</td><td>VETO</td></tr>
 * <tr><td>boolean</td><td>OK</td><td>OK</td><td>VETO</td><td>OK</td><td>VETO</td><td>VETO</td></tr>
 * <tr><td>date</td><td>OK</td><td>VETO</td><td>VETO</td><td>VETO</td><td>OK</td><td>OK</td></tr>
 * <tr><td>datetime</td><td>OK</td><td>VETO</td><td>VETO</td><td>VETO</td><td>WARN</td><td>OK</td></tr>
 * </table>
 *
 * <p>A string field accepts anything (written as text). An integer field accepts integers and booleans (as 1/0),
 * and numbers with a warning: only whole values convert, a fraction is an error for that row (schemas such as the
 * Common Data Model type quantities as decimals). A number field accepts integers and numbers. A boolean field
 * accepts booleans, and integers with a warning: only 0 and 1 convert (a 0/1 flag column is the usual way to store
 * a boolean). A date-time field accepts dates (at midnight) and date-times; a date field accepts dates, and
 * date-times with a warning (the time of day is dropped). Dates never feed numbers and numbers never feed dates.
 *
 * <p>(*) Text never feeds a number, except between identifiers: a numeric key field ({@code CustomerKey}) may be fed
 * by a text key attribute ({@code contactId}) with a warning, since keys are often stored as text; values that
 * are not numbers are errors for that row. Ask for this with {@link #check(DataType, DataType, boolean)}.
 */
public final class TypeLattice {
    private static final TypeCheck[][][] TABLE = table();

    private TypeLattice() {
    }

    private static TypeCheck[][][] table() {
        DataType[] types = DataType.values();
        TypeCheck[][][] t = new TypeCheck[2][types.length][types.length];
        for (int ids = 0; ids < 2; ids++) {
            for (DataType a : types) {
                for (DataType f : types) {
                    t[ids][a.ordinal()][f.ordinal()] = compute(a, f, ids == 1);
                }
            }
        }
        return t;
    }

    /**
     * Judges whether an attribute type can feed a field type.
     *
     * @param attribute the attribute's type
     * @param field the field's type
     * @return the verdict with its reason
     * @throws NullPointerException if a type is null
     */
    public static TypeCheck check(DataType attribute, DataType field) {
        return check(attribute, field, false);
    }

    /**
     * Judges whether an attribute type can feed a field type, allowing text keys to feed numeric keys.
     *
     * @param attribute the attribute's type
     * @param field the field's type
     * @param identifiers whether both the attribute and the field are identifiers (keys)
     * @return the verdict with its reason
     * @throws NullPointerException if a type is null
     */
    public static TypeCheck check(DataType attribute, DataType field, boolean identifiers) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(field, "field");
        return TABLE[identifiers ? 1 : 0][attribute.ordinal()][field.ordinal()];
    }

    private static TypeCheck compute(DataType attribute, DataType field, boolean identifiers) {
        String a = article(attribute);
        String f = name(field);
        String af = article(field);
        if (attribute == field) {
            return ok(a + " feeds " + af + " field as is");
        }
        switch (field) {
            case STRING:
                return ok(a + " is written as text");
            case INTEGER:
                switch (attribute) {
                    case BOOLEAN: return ok("a boolean feeds an integer field as 1 or 0");
                    case NUMBER: return warn("a number feeds an integer field only when whole; a value with a "
                            + "fraction is an error for its row");
                    case STRING: return textToNumber(af, identifiers);
                    default: return veto(a + " never feeds an integer field (dates are not numbers)");
                }
            case NUMBER:
                switch (attribute) {
                    case INTEGER: return ok("an integer feeds a number field as is");
                    case BOOLEAN: return veto("a boolean never feeds a number field (it may feed an integer "
                            + "field as 1 or 0)");
                    case STRING: return textToNumber(af, identifiers);
                    default: return veto(a + " never feeds a number field (dates are not numbers)");
                }
            case BOOLEAN:
                if (attribute == DataType.INTEGER) {
                    return warn("an integer feeds a boolean field only as 0 or 1; other values are errors for "
                            + "their rows");
                }
                return veto(a + " never feeds a boolean field");
            case DATE:
                if (attribute == DataType.DATETIME) {
                    return warn("a datetime feeds a date field truncated to its date; the time of day is lost");
                }
                return veto(a + " never feeds a date field" + numberDate(attribute));
            case DATETIME:
                if (attribute == DataType.DATE) {
                    return ok("a date feeds a datetime field at midnight");
                }
                return veto(a + " never feeds a datetime field" + numberDate(attribute));
            default:
                throw new IllegalStateException("Unknown data type " + field);
        }
    }

    /**
     * Converts one value of an entity row to the Java type of a field.
     *
     * <p>The value is {@code null}, the Java type of the attribute's type ({@code String}, {@code Long} or another
     * integral {@code Number}, {@code Double} or {@code BigDecimal}, {@code Boolean}, {@code LocalDate},
     * {@code OffsetDateTime} or {@code LocalDateTime}), or the raw {@code String} text of a source that reads text
     * (parsed as the attribute's type; blank text of a non-string attribute is a missing value). The result is
     * {@code null} for a missing value, else: string: {@code String} (dates in ISO-8601); integer: {@code Long};
     * number: {@code Double} when the value was a {@code Double} or {@code Float}, else {@code BigDecimal};
     * boolean: {@code Boolean}; date: {@code LocalDate}; datetime: {@code OffsetDateTime} when the value has an
     * offset, else {@code LocalDateTime}. Text feeding a number is parsed (see the identifier note above).
     *
     * @param value the value
     * @param from the attribute's type
     * @param to the field's type
     * @return the converted value, or {@code null}
     * @throws ValueConversionException with the reason when the value cannot be converted, or the types never
     *     convert (for example a date to a number)
     * @throws NullPointerException if a type is null
     */
    public static Object convert(Object value, DataType from, DataType to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        TypeCheck c = check(from, to, true);
        if (!c.allowed()) {
            throw new ValueConversionException(from, to, "Cannot convert: " + c.reason() + ".");
        }
        return ValueConverter.convert(value, from, to);
    }

    /**
     * Reads a type name of the mapping vocabulary: {@code string}, {@code integer}, {@code number},
     * {@code boolean}, {@code date} or {@code datetime}, in any case.
     *
     * @param name the name
     * @return the type
     * @throws IllegalArgumentException naming the allowed names when the name is unknown
     */
    public static DataType parseType(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (DataType t : DataType.values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown data type '" + name + "'; expected one of "
                + Arrays.stream(DataType.values()).map(TypeLattice::name).collect(Collectors.joining(", "))
                + ".");
    }

    private static TypeCheck textToNumber(String field, boolean identifiers) {
        if (identifiers) {
            return warn("a text key feeds " + field + " key only when its values are numbers; other values are "
                    + "errors for their rows");
        }
        return veto("a string never feeds " + field + " field (only a text key may feed a numeric key)");
    }

    private static String numberDate(DataType attribute) {
        return attribute == DataType.INTEGER || attribute == DataType.NUMBER ? " (numbers are not dates)" : "";
    }

    private static String article(DataType t) {
        String n = name(t);
        return (n.equals("integer") ? "an " : "a ") + n;
    }

    private static String name(DataType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static TypeCheck ok(String reason) {
        return new TypeCheck(Verdict.OK, reason);
    }

    private static TypeCheck warn(String reason) {
        return new TypeCheck(Verdict.WARN, reason);
    }

    private static TypeCheck veto(String reason) {
        return new TypeCheck(Verdict.VETO, reason);
    }
}
