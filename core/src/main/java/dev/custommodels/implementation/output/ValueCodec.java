package dev.custommodels.implementation.output;

import dev.custommodels.models.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts values to and from the text written in CSV partitions. The text forms are culture-invariant, as CDM
 * consumers expect when model.json names no culture: integers in decimal, numbers as Java prints a
 * {@code double}, booleans as {@code true}/{@code false}, dates as ISO {@code yyyy-MM-dd}, date-times as ISO
 * instants in UTC ({@code 2024-05-01T00:00:00Z}; a value without offset is taken as UTC).
 */
public final class ValueCodec {
    private ValueCodec() {
    }

    /**
     * Formats a value for a column.
     *
     * @param type the column's type
     * @param value the value, possibly {@code null}
     * @return the text, or {@code null} for a null value
     * @throws IllegalArgumentException saying why the value does not fit the type
     */
    public static String format(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case STRING:
                return value.toString();
            case INTEGER:
                return Long.toString(toLong(value));
            case NUMBER:
                return Double.toString(toDouble(value));
            case BOOLEAN:
                return Boolean.toString(toBoolean(value));
            case DATE:
                return toDate(value).toString();
            case DATETIME:
                return DateTimeFormatter.ISO_INSTANT.format(toInstant(value));
            default:
                throw new IllegalStateException("Unknown data type " + type);
        }
    }

    /**
     * Parses the text of a column written by {@link #format}.
     *
     * @param type the column's type
     * @param text the text, or {@code null}
     * @return the value: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code LocalDate} or
     *     {@code OffsetDateTime}; {@code null} for null text, and for empty text of a non-string column
     * @throws IllegalArgumentException if the text does not parse
     */
    public static Object parse(DataType type, String text) {
        if (text == null || (text.isEmpty() && type != DataType.STRING)) {
            return null;
        }
        try {
            switch (type) {
                case STRING:
                    return text;
                case INTEGER:
                    return Long.parseLong(text);
                case NUMBER:
                    return Double.parseDouble(text);
                case BOOLEAN:
                    return toBoolean(text);
                case DATE:
                    return LocalDate.parse(text);
                case DATETIME:
                    return OffsetDateTime.parse(text);
                default:
                    throw new IllegalStateException("Unknown data type " + type);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + type + " value", e);
        }
    }

    private static long toLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger) {
                return ((BigInteger) value).longValueExact();
            }
            if (value instanceof BigDecimal) {
                return ((BigDecimal) value).longValueExact();
            }
            if (value instanceof Double || value instanceof Float) {
                return new BigDecimal(((Number) value).doubleValue()).longValueExact();
            }
            if (value instanceof CharSequence) {
                return new BigDecimal(value.toString().trim()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(describe(value) + " is not a whole number in the 64-bit range", e);
        }
        throw new IllegalArgumentException(describe(value) + " cannot be an INTEGER");
    }

    private static double toDouble(Object value) {
        double d;
        if (value instanceof Number) {
            d = ((Number) value).doubleValue();
        } else if (value instanceof CharSequence) {
            try {
                d = Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(describe(value) + " is not a number", e);
            }
        } else {
            throw new IllegalArgumentException(describe(value) + " cannot be a NUMBER");
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(describe(value) + " is not a finite number");
        }
        return d;
    }

    private static boolean toBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof CharSequence) {
            String s = value.toString().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("1")) {
                return true;
            }
            if (s.equals("false") || s.equals("0")) {
                return false;
            }
        }
        throw new IllegalArgumentException(describe(value) + " is not a BOOLEAN (true, false, 1 or 0)");
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof CharSequence) {
            try {
                return LocalDate.parse(value.toString().trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(describe(value) + " is not an ISO date such as 2024-05-01", e);
            }
        }
        throw new IllegalArgumentException(describe(value) + " cannot be a DATE");
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant();
        }
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        if (value instanceof CharSequence) {
            String s = value.toString().trim();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(describe(value)
                            + " is not an ISO date-time such as 2024-05-01T00:00:00Z", e);
                }
            }
        }
        throw new IllegalArgumentException(describe(value) + " cannot be a DATETIME");
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "…";
        }
        return value instanceof CharSequence ? "'" + text + "'" : text + " (" + value.getClass().getSimpleName() + ")";
    }
}
