package dev.custommodels.implementation.output.filter;

import dev.custommodels.models.DataType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.BiPredicate;

/**
 * The families of values a filter compares: values compare only within a family. Also the runtime comparisons:
 * numbers as {@code long} when both are whole, else as {@code double}; strings ordinally; date-times by instant.
 */
enum ValueFamily {
    STRING("a string such as 'abc'", "'abc'"),
    NUMBER("a number such as 0.5", "0.5"),
    BOOLEAN("true or false", "true"),
    DATE("a date such as 2024-05-01", "2024-05-01"),
    DATETIME("a date-time such as 2024-05-01T00:00:00Z", "2024-05-01T00:00:00Z"),
    NULL("null", "null");

    final String example;
    final String sample;

    ValueFamily(String example, String sample) {
        this.example = example;
        this.sample = sample;
    }

    static ValueFamily of(DataType type) {
        switch (type) {
            case STRING:
                return STRING;
            case INTEGER:
            case NUMBER:
                return NUMBER;
            case BOOLEAN:
                return BOOLEAN;
            case DATE:
                return DATE;
            default:
                return DATETIME;
        }
    }

    static ValueFamily of(FilterNode.LiteralKind kind) {
        switch (kind) {
            case STRING:
                return STRING;
            case INTEGER:
            case DECIMAL:
                return NUMBER;
            case BOOLEAN:
                return BOOLEAN;
            case DATE:
                return DATE;
            case DATETIME:
                return DATETIME;
            default:
                return NULL;
        }
    }

    /** OData equality: two nulls are equal, a null and a value are not. */
    static boolean equal(ValueFamily family, Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (family == NUMBER) {
            if (a instanceof Long && b instanceof Long) {
                return ((Long) a).longValue() == (Long) b;
            }
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return order(family, a, b) == 0;
    }

    /** Whether both values are present and their order is within {@code [low, high]} (-1, 0 or 1). */
    static boolean ordered(ValueFamily family, Object a, Object b, int low, int high) {
        if (a == null || b == null) {
            return false;
        }
        int c = order(family, a, b);
        return c >= low && c <= high;
    }

    static int order(ValueFamily family, Object a, Object b) {
        switch (family) {
            case NUMBER:
                if (a instanceof Long && b instanceof Long) {
                    return Long.compare((Long) a, (Long) b);
                }
                double x = ((Number) a).doubleValue();
                double y = ((Number) b).doubleValue();
                return x < y ? -1 : x > y ? 1 : 0;
            case STRING:
                return Integer.signum(((String) a).compareTo((String) b));
            case BOOLEAN:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case DATE:
                return Integer.signum(((LocalDate) a).compareTo((LocalDate) b));
            case DATETIME:
                return Integer.signum(((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant()));
            default:
                throw new IllegalStateException("Values of family " + family + " have no order");
        }
    }

    static boolean test(Object subject, Object argument, BiPredicate<String, String> op) {
        return subject != null && argument != null && op.test((String) subject, (String) argument);
    }
}
