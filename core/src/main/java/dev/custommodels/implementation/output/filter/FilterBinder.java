package dev.custommodels.implementation.output.filter;

import dev.custommodels.implementation.output.filter.FilterNode.CompareOp;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.output.InvalidQueryException;
import dev.custommodels.output.QueryErrorKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Type-checks a parsed filter against an entity's attributes and compiles it to a {@link RowPredicate}.
 *
 * <p>Types compare within families: strings, numbers (INTEGER and NUMBER attributes, whole and decimal
 * literals), booleans, dates, date-times. {@code null} compares with anything, but only by {@code eq} and
 * {@code ne}. Booleans compare only by {@code eq} and {@code ne}. Strings compare ordinally (by UTF-16 code unit),
 * date-times by instant.
 */
public final class FilterBinder {
    private final String filter;
    private final String entityName;
    private final List<Attribute> attributes;

    private FilterBinder(String filter, String entityName, List<Attribute> attributes) {
        this.filter = filter;
        this.entityName = entityName;
        this.attributes = attributes;
    }

    /**
     * Compiles a filter.
     *
     * @param filter the filter text, for messages
     * @param node the parsed filter
     * @param entityName the entity, for messages
     * @param attributes the entity's columns in file order
     * @return the predicate
     * @throws InvalidQueryException for an unknown attribute or a type mismatch
     */
    public static RowPredicate bind(String filter, FilterNode node, String entityName, List<Attribute> attributes) {
        return new FilterBinder(filter, entityName, attributes).condition(node);
    }

    /**
     * Finds an attribute's column, or fails with the list of attributes.
     *
     * @param name the attribute name
     * @param position where it appears in the filter, or -1 when it comes from {@code $select}
     * @param entityName the entity
     * @param attributes its columns
     * @return the column index
     * @throws InvalidQueryException if there is no such attribute
     */
    public static int column(String name, int position, String entityName, List<Attribute> attributes) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                return i;
            }
        }
        String hint = "";
        for (Attribute a : attributes) {
            if (a.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                hint = " Did you mean '" + a.name() + "'? Attribute names are case-sensitive.";
            }
        }
        String where = position >= 0 ? " at position " + position : " in $select";
        throw new InvalidQueryException(QueryErrorKind.UNKNOWN_ATTRIBUTE, position, "Unknown attribute '" + name
                + "'" + where + ". Entity '" + entityName + "' has: " + attributes.stream().map(Attribute::name)
                .toList() + "." + hint);
    }

    private RowPredicate condition(FilterNode node) {
        if (node instanceof FilterNode.And) {
            RowPredicate[] terms = ((FilterNode.And) node).terms().stream().map(this::condition)
                    .toArray(RowPredicate[]::new);
            return row -> {
                for (RowPredicate t : terms) {
                    if (!t.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (node instanceof FilterNode.Or) {
            RowPredicate[] terms = ((FilterNode.Or) node).terms().stream().map(this::condition)
                    .toArray(RowPredicate[]::new);
            return row -> {
                for (RowPredicate t : terms) {
                    if (t.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (node instanceof FilterNode.Not) {
            RowPredicate inner = condition(((FilterNode.Not) node).operand());
            return row -> !inner.test(row);
        }
        if (node instanceof FilterNode.Compare) {
            return compare((FilterNode.Compare) node);
        }
        if (node instanceof FilterNode.In) {
            return in((FilterNode.In) node);
        }
        if (node instanceof FilterNode.Call) {
            return call((FilterNode.Call) node);
        }
        Operand value = operand(node);
        if (value.family != Family.BOOLEAN) {
            throw mismatch(node.position(), value.describe + ", not a condition; compare it with something, such "
                    + "as " + example(value));
        }
        return row -> Boolean.TRUE.equals(value.fn.get(row));
    }

    private RowPredicate compare(FilterNode.Compare c) {
        Operand l = operand(c.left());
        Operand r = operand(c.right());
        Family family = compatible(l, r, c.position(), c.op() == CompareOp.EQ || c.op() == CompareOp.NE);
        ValueFn lf = l.fn;
        ValueFn rf = r.fn;
        switch (c.op()) {
            case EQ:
                return row -> Values.equal(family, lf.get(row), rf.get(row));
            case NE:
                return row -> !Values.equal(family, lf.get(row), rf.get(row));
            case GT:
                return row -> Values.ordered(family, lf.get(row), rf.get(row), 1, 1);
            case GE:
                return row -> Values.ordered(family, lf.get(row), rf.get(row), 0, 1);
            case LT:
                return row -> Values.ordered(family, lf.get(row), rf.get(row), -1, -1);
            case LE:
                return row -> Values.ordered(family, lf.get(row), rf.get(row), -1, 0);
            default:
                throw new IllegalStateException("Unknown operator " + c.op());
        }
    }

    private RowPredicate in(FilterNode.In in) {
        Operand l = operand(in.left());
        Family family = l.family;
        Object[] values = new Object[in.values().size()];
        for (int i = 0; i < values.length; i++) {
            Operand v = operand(in.values().get(i));
            Family f = compatible(l, v, in.values().get(i).position(), true);
            family = family == Family.NULL ? f : family;
            values[i] = in.values().get(i).value();
        }
        Family fam = family;
        ValueFn lf = l.fn;
        return row -> {
            Object x = lf.get(row);
            for (Object v : values) {
                if (Values.equal(fam, x, v)) {
                    return true;
                }
            }
            return false;
        };
    }

    private RowPredicate call(FilterNode.Call call) {
        Operand subject = operand(call.subject());
        Operand argument = operand(call.argument());
        String name = call.function().name().toLowerCase(Locale.ROOT);
        for (Operand o : new Operand[] {subject, argument}) {
            if (o.family != Family.STRING) {
                throw mismatch(call.position(), name + " compares strings, but " + o.describe
                        + "; use it with a STRING attribute and a string literal, such as " + name
                        + "(Name, 'abc')");
            }
        }
        ValueFn s = subject.fn;
        ValueFn a = argument.fn;
        switch (call.function()) {
            case CONTAINS:
                return row -> Values.test(s.get(row), a.get(row), String::contains);
            case STARTSWITH:
                return row -> Values.test(s.get(row), a.get(row), String::startsWith);
            case ENDSWITH:
                return row -> Values.test(s.get(row), a.get(row), String::endsWith);
            default:
                throw new IllegalStateException("Unknown function " + call.function());
        }
    }

    private Operand operand(FilterNode node) {
        if (node instanceof FilterNode.Attr) {
            FilterNode.Attr a = (FilterNode.Attr) node;
            int column = column(a.name(), a.position(), entityName, attributes);
            DataType type = attributes.get(column).type();
            return new Operand(row -> row.value(column), Family.of(type),
                    a.name() + " is " + article(type) + " " + type + " attribute", a.name());
        }
        if (node instanceof FilterNode.Literal) {
            FilterNode.Literal l = (FilterNode.Literal) node;
            Object value = l.value();
            return new Operand(row -> value, Family.of(l.kind()), describe(l), null);
        }
        RowPredicate p = condition(node);
        return new Operand(row -> p.test(row), Family.BOOLEAN,
                "the condition at position " + node.position() + " is a boolean", null);
    }

    private Family compatible(Operand l, Operand r, int position, boolean equality) {
        if (l.family == Family.NULL || r.family == Family.NULL) {
            if (!equality) {
                throw mismatch(position, "null compares only with eq and ne (an ordering with null is never "
                        + "true)");
            }
            return l.family == Family.NULL ? r.family : l.family;
        }
        if (l.family != r.family) {
            Operand attr = l.attribute != null ? l : r;
            Operand other = attr == l ? r : l;
            throw mismatch(position, l.describe + " but " + r.describe + "; compare " + (attr.attribute != null
                    ? attr.attribute + " with " + attr.family.example : other.describe + " with a matching value"));
        }
        if (l.family == Family.BOOLEAN && !equality) {
            throw mismatch(position, "booleans compare only with eq and ne");
        }
        return l.family;
    }

    private InvalidQueryException mismatch(int position, String detail) {
        return new InvalidQueryException(QueryErrorKind.TYPE_MISMATCH, position, "Type mismatch at position "
                + position + ": " + detail + "." + FilterErrors.context(filter));
    }

    private static String example(Operand o) {
        return o.attribute == null ? "eq" : o.attribute + " eq " + o.family.sample;
    }

    private static String article(DataType type) {
        return type == DataType.INTEGER ? "an" : "a";
    }

    private static String describe(FilterNode.Literal l) {
        String text = l.text().length() > 40 ? l.text().substring(0, 40) + "…" : l.text();
        switch (l.kind()) {
            case STRING:
                return text + " is a string literal";
            case INTEGER:
            case DECIMAL:
                return text + " is a number literal";
            case BOOLEAN:
                return text + " is a boolean literal";
            case DATE:
                return text + " is a date literal";
            case DATETIME:
                return text + " is a date-time literal";
            default:
                return "null";
        }
    }

    @FunctionalInterface
    private interface ValueFn {
        Object get(RowValues row);
    }

    private static final class Operand {
        final ValueFn fn;
        final Family family;
        final String describe;
        final String attribute;

        Operand(ValueFn fn, Family family, String describe, String attribute) {
            this.fn = fn;
            this.family = family;
            this.describe = describe;
            this.attribute = attribute;
        }
    }

    /** The comparable families of values. */
    enum Family {
        STRING("a string such as 'abc'", "'abc'"),
        NUMBER("a number such as 0.5", "0.5"),
        BOOLEAN("true or false", "true"),
        DATE("a date such as 2024-05-01", "2024-05-01"),
        DATETIME("a date-time such as 2024-05-01T00:00:00Z", "2024-05-01T00:00:00Z"),
        NULL("null", "null");

        final String example;
        final String sample;

        Family(String example, String sample) {
            this.example = example;
            this.sample = sample;
        }

        static Family of(DataType type) {
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

        static Family of(FilterNode.LiteralKind kind) {
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
    }

    /** Runtime comparisons within a family. */
    static final class Values {
        private Values() {
        }

        static boolean equal(Family family, Object a, Object b) {
            if (a == null || b == null) {
                return a == null && b == null;
            }
            if (family == Family.NUMBER) {
                if (a instanceof Long && b instanceof Long) {
                    return ((Long) a).longValue() == (Long) b;
                }
                return ((Number) a).doubleValue() == ((Number) b).doubleValue();
            }
            return order(family, a, b) == 0;
        }

        /** Whether both values are present and their order is within {@code [low, high]} (-1, 0 or 1). */
        static boolean ordered(Family family, Object a, Object b, int low, int high) {
            if (a == null || b == null) {
                return false;
            }
            int c = order(family, a, b);
            return c >= low && c <= high;
        }

        static int order(Family family, Object a, Object b) {
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
                    return Integer.signum(((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b)
                            .toInstant()));
                default:
                    throw new IllegalStateException("Values of family " + family + " have no order");
            }
        }

        static boolean test(Object subject, Object argument, java.util.function.BiPredicate<String, String> op) {
            return subject != null && argument != null && op.test((String) subject, (String) argument);
        }
    }
}
