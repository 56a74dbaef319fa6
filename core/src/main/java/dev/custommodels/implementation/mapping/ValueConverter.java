package dev.custommodels.implementation.mapping;

import dev.custommodels.mapping.ValueConversionException;
import dev.custommodels.models.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Locale;

/** Converts row values between data types; the public contract is {@code TypeLattice.convert}. */
public final class ValueConverter {
    private static final int SHOWN_CHARS = 40;

    private ValueConverter() {
    }

    /**
     * Converts a value; the caller has checked that the types may convert.
     *
     * @param value the value, typed or raw text
     * @param from the attribute's type
     * @param to the field's type
     * @return the converted value or null
     * @throws ValueConversionException when the value does not convert
     */
    public static Object convert(Object value, DataType from, DataType to) {
        if (value == null) {
            return null;
        }
        Object v = value;
        if (v instanceof String s && from != DataType.STRING) {
            if (s.isBlank()) {
                return null;
            }
            v = parse(s.strip(), from, to);
        }
        return switch (to) {
            case STRING -> toText(v);
            case INTEGER -> toInteger(v, from, to);
            case NUMBER -> toNumber(v, from, to);
            case BOOLEAN -> toBoolean(v, from, to);
            case DATE -> toDate(v, from, to);
            case DATETIME -> toDateTime(v, from, to);
        };
    }

    private static Object parse(String s, DataType from, DataType to) {
        try {
            return switch (from) {
                case INTEGER, NUMBER -> new BigDecimal(s);
                case BOOLEAN -> parseBoolean(s, from, to);
                case DATE, DATETIME -> parseTemporal(s);
                case STRING -> s;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw fail(from, to, "the text " + show(s) + " is not " + article(from));
        }
    }

    private static Boolean parseBoolean(String s, DataType from, DataType to) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "t":
                return Boolean.TRUE;
            case "false", "0", "no", "n", "f":
                return Boolean.FALSE;
            default:
                throw fail(from, to, "the text " + show(s) + " is not a boolean (true/false, 1/0, yes/no)");
        }
    }

    private static Temporal parseTemporal(String s) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        if (t.length() <= 10) {
            return LocalDate.parse(t);
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t);
        }
    }

    private static String toText(Object v) {
        if (v instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Float f && Float.isFinite(f)) {
            return new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    private static Long toInteger(Object v, DataType from, DataType to) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        BigDecimal d = decimal(v, from, to);
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw fail(from, to, show(v) + " is not a whole number within the 64-bit integer range");
        }
    }

    private static Number toNumber(Object v, DataType from, DataType to) {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        return decimal(v, from, to);
    }

    private static BigDecimal decimal(Object v, DataType from, DataType to) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw fail(from, to, show(v) + " is not a finite number");
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw fail(from, to, "the text " + show(s) + " is not a number");
            }
        }
        throw unexpected(v, from, to);
    }

    private static Boolean toBoolean(Object v, DataType from, DataType to) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number) {
            BigDecimal d = decimal(v, from, to);
            if (d.compareTo(BigDecimal.ZERO) == 0) {
                return Boolean.FALSE;
            }
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return Boolean.TRUE;
            }
            throw fail(from, to, show(v) + " is neither 0 nor 1");
        }
        throw unexpected(v, from, to);
    }

    private static LocalDate toDate(Object v, DataType from, DataType to) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime d) {
            return d.toLocalDate();
        }
        if (v instanceof OffsetDateTime d) {
            return d.toLocalDate();
        }
        if (v instanceof ZonedDateTime d) {
            return d.toLocalDate();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        throw unexpected(v, from, to);
    }

    private static Temporal toDateTime(Object v, DataType from, DataType to) {
        if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return (Temporal) v;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof ZonedDateTime d) {
            return d.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        throw unexpected(v, from, to);
    }

    private static ValueConversionException unexpected(Object v, DataType from, DataType to) {
        return fail(from, to, "a " + v.getClass().getSimpleName() + " value is not " + article(from)
                + " (the row does not match its schema)");
    }

    private static ValueConversionException fail(DataType from, DataType to, String why) {
        return new ValueConversionException(from, to, "Cannot convert " + article(from) + " to " + article(to) + ": "
                + why + ".");
    }

    private static String show(Object v) {
        String s = String.valueOf(v);
        return "'" + (s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "…" : s) + "'";
    }

    private static String article(DataType t) {
        String n = name(t);
        return (n.equals("integer") ? "an " : "a ") + n;
    }

    private static String name(DataType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }
}
